import { useEffect, useState } from 'react';
import { playAB, stopAB } from '../shared/abAudio';

interface Props {
  readonly tokens: readonly string[];
  /** This result is the tune on show already. */
  readonly onShow: boolean;
  readonly onOpen: () => Promise<unknown>;
}

/**
 * Play a sweep result (rendered with the player's instrument and tempo, as A/B listening does) or open it as the
 * tune on show.
 */
export function SweepActions({ tokens, onShow, onOpen }: Props) {
  const [sound, setSound] = useState<'idle' | 'rendering' | 'playing'>('idle');
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => stopAB(), []);
  const play = async () => {
    if (sound !== 'idle') return stopAB();
    setError(null);
    setSound('rendering');
    try {
      await playAB({ tokens }, () => setSound('idle'));
      setSound('playing');
    } catch (e) {
      setSound('idle');
      setError(`Playback failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const open = async () => {
    setError(null);
    setOpening(true);
    try {
      await onOpen();
    } catch (e) {
      setError(`Could not open it: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setOpening(false);
    }
  };
  return (
    <div className="row sweep-actions">
      <button type="button" onClick={() => void play()} disabled={sound === 'rendering'}>
        {sound === 'idle' ? 'Play' : sound === 'rendering' ? 'Rendering…' : 'Stop'}
      </button>
      <button type="button" onClick={() => void open()} disabled={onShow || opening}>
        {onShow ? 'On show' : 'Open as the tune on show'}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
