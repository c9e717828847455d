import type { FileCheck } from './manifestImport';

/** Whether the chosen file is, byte for byte, the one the manifest describes. */
export function HashCheckResult({ check }: { check: FileCheck }) {
  if (!check.ok) {
    return (
      <p className="error" role="alert">
        {check.error}
      </p>
    );
  }
  const c = check.check;
  if (!c.match) {
    return (
      <p className="error" role="alert">
        Hash check failed: the file&apos;s SHA-256 is <code>{c.actual}</code> ({c.actualBytes.toLocaleString('en-GB')}{' '}
        bytes), but the manifest states <code>{c.expected}</code> ({c.expectedBytes.toLocaleString('en-GB')} bytes). The
        file was changed after export, or the manifest belongs to another file.
      </p>
    );
  }
  return (
    <p role="status">
      Hash check passed: the file&apos;s SHA-256 matches the manifest (<code>{c.actual.slice(0, 16)}…</code>).
      {c.renamed && ' The file has been renamed since export; its bytes are unchanged.'}
    </p>
  );
}
