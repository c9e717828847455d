import { useState } from 'react';
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
        <div role="group" aria-label="Confirm clearing" className="reset-confirm">
          <p>
            This erases {participants} {participants === 1 ? 'participant' : 'participants'} and {events} events, with
            their tunes, from this browser. It cannot be undone.{' '}
            {exported
              ? 'Everything shown here was exported in this visit.'
              : 'Nothing has been exported since this data changed: export everything first.'}
          </p>
          <button type="button" className="danger" disabled={busy} onClick={() => void clear()}>
            {busy ? 'Erasing…' : 'Erase study data'}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
