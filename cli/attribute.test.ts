import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../src/export/manifestRead';
import { EXAMPLE_POLICIES } from '../src/royalty/policy';

function cli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'cli/attribute.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

const dir = mkdtempSync(join(tmpdir(), 'attribute-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const BASE = ['--prompt', 'a reel in d', '--seed', '5', '--max-tokens', '60'];
const REFS = ['--reference', 'airdsAirs-book1-0001:1-4', '--reference', 'ryansMammoth-7thRegimentReel:1-4'];

describe('npm run attribute: refusals exit with code 2 and say why', () => {
  it.each([
    {
      name: 'an unknown reference',
      args: ['--reference', 'nosuch-tune'],
      says: '--reference: no tune "nosuch-tune" in the catalogue',
    },
    {
      name: 'a reference the registry refuses',
      args: ['--reference', 'airdsAirs-book1-0109:1-2'],
      says: '--reference airdsAirs-book1-0109: refused: Aird Airs Heritage Trust (simulated) does not allow this tune as a reference',
    },
    {
      name: 'a reference longer than its terms allow',
      args: ['--reference', 'ryansMammoth-SoldiersJoy:1-4'],
      says: 'allows at most 2 bars of this tune as a reference',
    },
    { name: 'no reference', args: [], says: 'name at least one --reference' },
    {
      name: 'a policy of the wrong type',
      args: [...REFS, '--policy', file('type.json', JSON.stringify({ ...EXAMPLE_POLICIES.flat, fee: 'one' }))],
      says: 'fee: Invalid input: expected number, received string',
    },
    {
      name: 'a policy missing a field',
      args: [
        ...REFS,
        '--policy',
        file('missing.json', JSON.stringify({ ...EXAMPLE_POLICIES.flat, rule: { kind: 'flat' } })),
      ],
      says: 'rule.perUse:',
    },
    {
      name: 'a policy file that is missing',
      args: [...REFS, '--policy', join(dir, 'none.json')],
      says: '--policy: cannot read',
    },
    {
      name: 'a broken registry',
      args: [...REFS, '--registry', file('reg.json', '{"format": 1}')],
      says: 'is not a rights registry',
    },
  ])('$name', ({ args, says }) => {
    const r = cli([...BASE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stdout).toBe('');
  });
});

describe('npm run attribute', () => {
  it('gives shares, the statement under the policy and the record as one JSON object', () => {
    const policy = file('split.json', JSON.stringify(EXAMPLE_POLICIES.split));
    const r = cli([...BASE, ...REFS, '--policy', policy, '--json', '--top', '5']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const refs = out.attribution.references;
    expect(refs.map((x: { id: string }) => x.id)).toEqual(['airdsAirs-book1-0001', 'ryansMammoth-7thRegimentReel']);
    const shares = refs.map((x: { ablation: { share: number } }) => x.ablation.share);
    if (shares.some((s: number) => s > 0)) expect(shares[0] + shares[1]).toBeCloseTo(1, 9);
    expect(out.attribution.training.top).toHaveLength(5);
    expect(out.attribution.training.caveat).toContain('estimate');
    expect(out.policy).toEqual(EXAMPLE_POLICIES.split);
    expect(out.statement.paidCents + out.statement.unallocatedCents).toBe(100);
    expect(out.statement.lines.some((l: { basis: string }) => l.basis === 'training-gradient')).toBe(true);
    expect(out.simulatedTerms).toBe(true);
    // The manifest passes the schema the app's manifest check uses, and hashes exactly the printed ABC.
    const read = parseManifest(JSON.stringify(out.manifest));
    expect(read.ok, JSON.stringify(read)).toBe(true);
    expect(out.manifest.assertions[3].data.hash).toBe(createHash('sha256').update(out.abc, 'utf8').digest('hex'));
  });

  it('prints the shares and the statement as text', () => {
    const r = cli([...BASE, ...REFS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Inference-time attribution (measured):');
    expect(r.stdout).toMatch(
      /ref 1 The Ranting Highlandman\., bars 1-4 \[Aird Airs Heritage Trust \(simulated\)\]: ablation \d+\.\d%/,
    );
    expect(r.stdout).toContain('Training-time attribution (an estimate)');
    expect(r.stdout).toContain('Statement under "Pro rata by measured share"');
    expect(r.stdout).toContain('note: Simulated terms.');
    expect(r.stdout).toContain('Manifest (C2PA structure, unsigned');
  });
});
