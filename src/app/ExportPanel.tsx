import { useState } from 'react';
import { useTune } from '../store/tuneStore';
import { exportAbc, exportMidi, exportWav, type Exported } from './exportService';

/** ABC, MIDI and WAV downloads of the tune on show, each carrying its provenance and a sidecar manifest. */
export function ExportPanel() {
  const tune = useTune((s) => (s.streaming ? null : s.current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Exported | null>(null);
  const run = async (f: () => Promise<Exported>) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(await f());
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="export-heading" data-testid="export-panel">
      <h2 id="export-heading">Export</h2>
      <div className="row">
        <button type="button" disabled={!tune || busy} onClick={() => tune && void run(() => exportAbc(tune))}>
          ABC
        </button>
        <button type="button" disabled={!tune || busy} onClick={() => tune && void run(() => exportMidi(tune))}>
          MIDI
        </button>
        <button type="button" disabled={!tune || busy} onClick={() => tune && void run(() => exportWav(tune))}>
          {busy ? 'Rendering…' : 'WAV'}
        </button>
      </div>
      <p className="hint">
        Each file records the app version, model hash, prompt, seed, settings and time, and a copy-flag line when the
        copy measurement flags the tune. A manifest (.c2pa.json, C2PA structure, unsigned) comes with it: references
        with credits, terms and shares, the training-time estimate, permitted uses and the file&apos;s SHA-256.
      </p>
      {busy && <p className="hint">Reading the tune for its manifest: shares, training-time estimate, hash…</p>}
      {saved && (
        <p role="status">
          Saved {saved.fileName} and its manifest {saved.manifestName} (SHA-256 {saved.sha256.slice(0, 12)}…).
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
