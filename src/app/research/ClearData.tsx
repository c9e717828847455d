import { useState } from 'react';
import { ConfirmErase } from '../shared/ConfirmErase';
import { clearDeviceData } from './researchService';

interface Props {
  readonly participants: number;
  readonly events: number;
  /** Whether everything now on the device has been exported in this visit. */
  readonly exported: boolean;
  readonly onCleared: () => void;
}

/** Erases the study data on this device, only once confirmed, saying what goes and whether it was exported. */
export function ClearData({ participants, events, exported, onCleared }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = async () => {
    setBusy(true);
    setError(null);
    try {
      await clearDeviceData();
      setAsking(false);
      onCleared();
    } catch (e) {
      setError(`The data was not cleared: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="clear-data">
      <button type="button" aria-expanded={asking} disabled={participants === 0} onClick={() => setAsking(!asking)}>
        Clear data on this device…
      </button>
      {asking && (
        <ConfirmErase
          label="Confirm clearing"
          eraseLabel="Erase study data"
          busy={busy}
          onErase={() => void clear()}
          onCancel={() => setAsking(false)}
        >
          This erases {participants} {participants === 1 ? 'participant' : 'participants'} and {events} events, with
          their tunes, from this browser. It cannot be undone.{' '}
          {exported
            ? 'Everything shown here was exported in this visit.'
            : 'Nothing has been exported since this data changed: export everything first.'}
        </ConfirmErase>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
