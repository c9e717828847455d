import { useId, useState } from 'react';
import { importLogs, type ImportOutcome } from './researchService';

/** Merges exports from other devices (or earlier exports) into this one; duplicates and bad files are named. */
export function ImportLogs({ onImported }: { onImported: () => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      setOutcome(await importLogs(files));
      onImported();
    } catch (e) {
      setError(`The import did not finish: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="import-logs">
      <label htmlFor={`${id}-files`} className="file-button">
        {busy ? 'Importing…' : 'Import log exports (JSON)'}
      </label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        accept="application/json,.json"
        className="sr-only"
        disabled={busy}
        onChange={(e) => {
          void onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      {outcome && (
        <div role="status" className="import-outcome">
          <p>
            {outcome.added.length === 0
              ? 'No participants added.'
              : `Added ${outcome.added.length} ${outcome.added.length === 1 ? 'participant' : 'participants'}: ${outcome.added.join(', ')}.`}
          </p>
          {outcome.refused.length > 0 && (
            <div className="error">
              <p>Refused as duplicates:</p>
              <ul>
                {outcome.refused.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
          {outcome.badFiles.map((f) => (
            <div className="error" key={f.fileName}>
              <p>{f.fileName} was not imported. Problems found:</p>
              <ul>
                {f.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ))}
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
