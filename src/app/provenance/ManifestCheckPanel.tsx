import { useRef, useState, type ChangeEvent } from 'react';
import type { ManifestRead } from '../../export/manifestRead';
import { checkExportedFile, readManifestFile, type FileCheck } from './manifestImport';
import { HashCheckResult } from './HashCheckResult';
import { ManifestClaims } from './ManifestClaims';

const chosen = (e: ChangeEvent<HTMLInputElement>) => e.target.files?.[0] ?? null;

/** Reads an export's manifest back, shows what it claims, and checks its hash against the file. */
export function ManifestCheckPanel() {
  const [read, setRead] = useState<ManifestRead | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<FileCheck | null>(null);

  // The two inputs are read asynchronously and may be chosen in either order, or at once: every check reads
  // the latest pair, and a check that finishes after a newer choice is dropped.
  const latest = useRef<{ read: ManifestRead | null; file: File | null }>({ read: null, file: null });
  const recheck = async () => {
    const pair = { ...latest.current };
    setCheck(null);
    if (!pair.read?.ok || !pair.file) return;
    const result = await checkExportedFile(pair.read.manifest, pair.file);
    if (latest.current.read === pair.read && latest.current.file === pair.file) setCheck(result);
  };
  const onManifest = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = chosen(e);
    const r = f ? await readManifestFile(f) : null;
    latest.current.read = r;
    setRead(r);
    await recheck();
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = chosen(e);
    latest.current.file = f;
    setFile(f);
    await recheck();
  };

  return (
    <section className="panel" aria-labelledby="manifest-check-heading" data-testid="manifest-check-panel">
      <h2 id="manifest-check-heading">Check a manifest</h2>
      <p className="hint">
        Choose an export&apos;s manifest (.c2pa.json) and the file it came with. The panel shows what the manifest
        claims and whether the file&apos;s SHA-256 matches it.
      </p>
      <div className="row">
        <label>
          Manifest <input type="file" accept=".json,application/json" onChange={(e) => void onManifest(e)} />
        </label>
        <label>
          Exported file <input type="file" accept=".abc,.mid,.midi,.wav" onChange={(e) => void onFile(e)} />
        </label>
      </div>
      {read && !read.ok && (
        <div className="error" role="alert">
          <p>This manifest cannot be read:</p>
          <ul>
            {read.errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {check && <HashCheckResult check={check} />}
      {read?.ok && !file && <p className="hint">Choose the exported file to check its hash.</p>}
      {read?.ok && <ManifestClaims manifest={read.manifest} />}
    </section>
  );
}
