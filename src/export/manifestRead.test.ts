import { describe, expect, it } from 'vitest';
import { buildManifest } from './manifest';
import { MANIFEST_INPUT } from './manifestFixtures';
import { checkAsset, parseManifest } from './manifestRead';

const good = buildManifest(MANIFEST_INPUT);
/** A copy of the good manifest, broken by `edit`; typed loosely, since the point is to break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const edited = (edit: (m: any) => void): string => {
  const m: unknown = JSON.parse(JSON.stringify(good));
  edit(m);
  return JSON.stringify(m);
};

describe('parseManifest', () => {
  it('reads back what buildManifest wrote', () => {
    expect(parseManifest(JSON.stringify(good))).toEqual({ ok: true, manifest: good });
  });

  it.each([
    { name: 'not JSON', text: '{"vendor": ', error: /^The manifest is not JSON/ },
    { name: 'an array', text: '[]', error: /must be a JSON object, not an array/ },
    { name: 'a number', text: '42', error: /must be a JSON object, not number/ },
    { name: 'another vendor', text: '{"vendor":"someone"}', error: /^vendor: expected "apparatus"/ },
    {
      name: 'a missing field',
      text: edited((m) => delete m.assertions[0].data.actions[0].parameters.seed),
      error: /^assertions\[0\]\.data\.actions\[0\]\.parameters\.seed: /,
    },
    {
      name: 'a wrong type',
      text: edited((m) => (m.assertions[2].data.references[1].shares.ablation = 'lots')),
      error: /^assertions\[2\]\.data\.references\[1\]\.shares\.ablation: /,
    },
    {
      name: 'a bad hash',
      text: edited((m) => (m.assertions[3].data.hash = 'XYZ')),
      error: /^assertions\[3\]\.data\.hash: must be 64 lowercase hex digits/,
    },
    {
      name: 'an unknown use',
      text: edited((m) => (m.assertions[2].data.permittedUses.verdicts[0].use = 'broadcast')),
      error: /^assertions\[2\]\.data\.permittedUses\.verdicts\[0\]\.use: /,
    },
    {
      name: 'a signature claim it cannot back',
      text: edited((m) => (m.signature.status = 'signed')),
      error: /^signature\.status: /,
    },
  ])('rejects $name, naming the field', ({ text, error }) => {
    const r = parseManifest(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(error);
  });

  it('caps the number of error lines', () => {
    const r = parseManifest(edited((m) => (m.ingredients = Array.from({ length: 12 }, () => ({})))));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.length).toBe(9);
      expect(r.errors.at(-1)).toMatch(/^…and \d+ more$/);
    }
  });
});

describe('checkAsset', () => {
  const bytes = new TextEncoder().encode('X:1\nK:G\nGABc|\n');
  const digest = async (b: Uint8Array<ArrayBuffer>) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join(
      '',
    );

  it('passes for the exported bytes and fails for changed ones', async () => {
    const hash = await digest(bytes);
    const m = buildManifest({
      ...MANIFEST_INPUT,
      asset: { ...MANIFEST_INPUT.asset, sha256: hash, bytes: bytes.length },
    });
    const same = await checkAsset(m, { name: MANIFEST_INPUT.asset.name, bytes });
    expect(same).toMatchObject({ match: true, actual: hash, renamed: false, actualBytes: bytes.length });
    const tampered = bytes.slice();
    tampered[5] = 'A'.charCodeAt(0);
    const changed = await checkAsset(m, { name: 'other.abc', bytes: tampered });
    expect(changed).toMatchObject({ match: false, expected: hash, renamed: true });
    expect(changed.actual).not.toBe(hash);
  });
});
