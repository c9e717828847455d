import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../export/manifest';
import { MANIFEST_INPUT } from '../../export/manifestFixtures';
import { checkExportedFile, readManifestFile } from './manifestImport';

const FILE = new TextEncoder().encode('X:1\nK:G\nGABc|\n');
const hex = async (b: Uint8Array<ArrayBuffer>) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join('');

describe('readManifestFile', () => {
  it.each([
    { name: 'a 50 MB file', blob: new Blob([new Uint8Array(50_000_000)]), error: /is 50\.0 MB, more than the 1\.0 MB/ },
    {
      name: 'a journal file',
      blob: new Blob(['{"format":"apparatus-journal"}']),
      error: /^vendor: expected "apparatus"/,
    },
    { name: 'an empty file', blob: new Blob([]), error: /^The manifest is not JSON/ },
  ])('refuses $name with a clear message', async ({ blob, error }) => {
    const r = await readManifestFile(blob);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(error);
  });

  it('reads a manifest the app wrote', async () => {
    const m = buildManifest(MANIFEST_INPUT);
    expect(await readManifestFile(new Blob([JSON.stringify(m)]))).toEqual({ ok: true, manifest: m });
  });
});

describe('checkExportedFile', () => {
  it.each([
    { name: 'the exported file', bytes: FILE, match: true },
    { name: 'a changed file', bytes: FILE.map((b, i) => (i === 3 ? 0x41 : b)), match: false },
  ])('$name: match is $match', async ({ bytes, match }) => {
    const asset = { ...MANIFEST_INPUT.asset, sha256: await hex(FILE), bytes: FILE.length };
    const m = buildManifest({ ...MANIFEST_INPUT, asset });
    const file = new File([bytes], asset.name);
    const r = await checkExportedFile(m, file);
    expect(r.ok && r.check.match).toBe(match);
  });

  it('refuses a file over the cap before reading it', async () => {
    const huge = {
      name: 'huge.wav',
      size: 150_000_000,
      text: () => Promise.reject(),
      arrayBuffer: () => Promise.reject(),
    };
    const r = await checkExportedFile(buildManifest(MANIFEST_INPUT), huge);
    expect(r).toEqual({ ok: false, error: 'The exported file is 150.0 MB, more than the 100.0 MB this app reads.' });
  });
});
