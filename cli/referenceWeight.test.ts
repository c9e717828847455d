import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'cli/referenceWeight.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

describe('eval:reference-weight', () => {
  it.each([
    ['a word', 'heavy'],
    ['a weight above 10', '2,11'],
    ['an empty item', '1,,2'],
  ])('refuses %s in --weights with a message', (_, weights) => {
    const r = cli(['--weights', weights, '--cases', '2']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--weights takes numbers from 0 to 10/);
  });

  it('writes one row per weight for the cases set apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refweight-'));
    try {
      const out = join(dir, 'weights.md');
      const r = cli(['--weights', '1,3', '--cases', '2', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { cases: string[]; rows: { weight: number; summary: { cases: number } }[] };
      expect(json.cases).toHaveLength(2);
      expect(json.rows.map((row) => [row.weight, row.summary.cases])).toEqual([
        [1, 2],
        [3, 2],
      ]);
      const doc = readFileSync(out, 'utf8');
      expect(doc).toMatch(/^\| 1 \| /m);
      expect(doc).toMatch(/^\| 3 \| /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
