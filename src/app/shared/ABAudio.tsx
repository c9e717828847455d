import { useEffect, useState } from 'react';
import type { Tune } from '../../store/types';
import { playAB, stopAB } from './abAudio';

type Playable = Pick<Tune, 'tokens'>;

/** Play A / play B buttons; each renders its tune with the player's instrument and tempo. */
export function ABAudio({ a, b, testId = 'ab-audio' }: { a: Playable; b: Playable; testId?: string }) {
  const [state, setState] = useState<'idle' | 'rendering A' | 'rendering B' | 'A' | 'B'>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => stopAB(), []);
  const play = async (which: 'A' | 'B') => {
    setError(null);
    setState(`rendering ${which}`);
    try {
      await playAB(which === 'A' ? a : b, () => setState('idle'));
      setState(which);
    } catch (e) {
      setState('idle');
      setError(`Playback failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="row ab-audio" data-testid={testId}>
      <button type="button" onClick={() => void play('A')} disabled={state.startsWith('rendering')}>
        Play A
      </button>
      <button type="button" onClick={() => void play('B')} disabled={state.startsWith('rendering')}>
        Play B
      </button>
      <button type="button" onClick={stopAB} disabled={state === 'idle'}>
        Stop A/B
      </button>
      <span className="hint" aria-live="polite">
        {state === 'idle' ? '' : state.startsWith('rendering') ? `Rendering ${state.slice(-1)}…` : `Playing ${state}`}
      </span>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
