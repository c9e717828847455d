import { useState } from 'react';
import { useHistory } from '../store/historyStore';
import { useJournal } from '../store/journalStore';
import { useTune } from '../store/tuneStore';
import { resetWorkbench } from './resetService';
import { ConfirmErase } from './shared/ConfirmErase';

/** "Reset for the next person" (workshops): says what will be erased, and erases it only when confirmed. */
export function ResetControl() {
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<'idle' | 'resetting' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const tunes = useHistory((s) => s.entries.length);
  const steps = useJournal((s) => s.nodes.length);
  const streaming = useTune((s) => s.streaming !== null);
  const reset = async () => {
    setState('resetting');
    setError(null);
    try {
      await resetWorkbench();
      setAsking(false);
      setState('done');
    } catch (e) {
      setState('idle');
      setError(`The reset did not finish: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="reset-control" data-testid="reset-control">
      <button
        type="button"
        aria-expanded={asking}
        disabled={streaming}
        onClick={() => {
          setAsking(!asking);
          setState('idle');
        }}
      >
        Reset for the next person
      </button>
      {(state === 'done' || asking || error) && (
        <div className="reset-popover">
          {state === 'done' && (
            <p className="hint" role="status">
              Reset: history and journal erased, prompt and settings as on a first visit.{' '}
              <button type="button" onClick={() => setState('idle')}>
                OK
              </button>
            </p>
          )}
          {asking && (
            <ConfirmErase
              label="Confirm reset"
              eraseLabel="Erase and reset"
              busy={state === 'resetting'}
              onErase={() => void reset()}
              onCancel={() => setAsking(false)}
            >
              This erases, from this browser, the history ({tunes} {tunes === 1 ? 'tune' : 'tunes'}) and the exploration
              journal ({steps} {steps === 1 ? 'step' : 'steps'}), and puts the prompt and settings back. Download them
              first if anyone needs them. The model stays loaded.
            </ConfirmErase>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
