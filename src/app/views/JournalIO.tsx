import { useId, useState } from 'react';
import { IMPORT_CAPS, overCap } from '../importCaps';
import { exportJournal, importJournal } from './journalService';

/** Export the journal as JSON, or import one (a bad file is refused whole, with every problem listed). */
export function JournalIO({ empty }: { empty: boolean }) {
  const id = useId();
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; errors: string[] } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // Checked before reading: a huge file would hold the page while it is read and parsed.
    const tooBig = overCap(file.size, IMPORT_CAPS.journalFile);
    if (tooBig) return setResult({ ok: false, errors: [tooBig] });
    const outcome = importJournal(await file.text());
    setResult(outcome.ok ? outcome : { ok: false, errors: outcome.errors });
  };
  return (
    <div className="journal-io">
      <div className="row">
        <button type="button" disabled={empty} onClick={exportJournal}>
          Export journal JSON
        </button>
        <label htmlFor={`${id}-file`} className="file-button">
          Import journal JSON
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {result?.ok && (
        <p className="hint" data-testid="journal-import-result">
          {result.message}
        </p>
      )}
      {result && !result.ok && (
        <div className="error" role="alert" data-testid="journal-import-errors">
          <p>The file was not imported; the journal is unchanged. Problems found:</p>
          <ul>
            {result.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
