import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'cli/explain.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

const SHORT = ['--max-tokens', '40', '--json'];

describe('npm run explain', () => {
  it('prints one JSON object with attention by bar x word, occlusion per word and their agreement; same args, same output', () => {
    const args = ['--prompt', 'a lively jig in d major', '--seed', '7', ...SHORT];
    const first = cli(args);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(JSON.parse(cli(args).stdout)).toEqual(a);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'abc',
        'words',
        'attention',
        'occlusion',
        'agreement',
        'agreementReason',
        'seed',
        'settings',
        'modelSha256',
      ]),
    );
    expect(a.abc).toMatch(/^X:1\nM:/);
    expect(a.words).toEqual(['a', 'lively', 'jig', 'in', 'd', 'major']);
    expect(a.seed).toBe(7);
    expect(a.modelSha256).toMatch(/^[0-9a-f]{64}$/);

    expect(a.attention.label).toBe("mean cross-attention, all layers, all heads; mean over each bar's tokens");
    expect(a.attention.cols).toEqual(a.words);
    expect(a.attention.values).toHaveLength(a.attention.rows.length);
    // Bars as musicians number them: from 0 when the tune opens with a pickup, else from 1, one per row.
    const firstBar = Number(/^bar ([01])$/.exec(a.attention.rows[0])?.[1]);
    expect(a.attention.rows).toEqual(a.attention.rows.map((_: string, i: number) => `bar ${firstBar + i}`));
    for (const row of a.attention.values) {
      expect(row).toHaveLength(6);
      // Cross-attention over a prompt's words is a distribution; the mean of distributions is one too.
      expect(row.reduce((s: number, x: number) => s + x, 0)).toBeCloseTo(1, 3);
    }

    expect(a.occlusion.words.map((w: { word: string }) => w.word)).toEqual(a.words);
    for (const w of a.occlusion.words) {
      expect(typeof w.change).toBe('number');
      expect(w.perBar).toHaveLength(a.attention.rows.length);
      const parts = w.perBar.reduce((s: number, x: number) => s + x, w.header + w.end);
      expect(parts).toBeCloseTo(w.change, 3);
    }
    expect(a.agreement === null || (a.agreement >= -1 && a.agreement <= 1)).toBe(true);
    expect(a.diffraction.attention).toHaveLength(6);
  });

  it('compares a one-word prompt with the empty prompt and gives no agreement, with a reason', () => {
    const r = cli(['--prompt', 'reel', ...SHORT]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.occlusion.words).toHaveLength(1);
    expect(out.occlusion.words[0].description).toBe("without 'reel' (empty prompt)");
    expect(out.occlusion.note).toMatch(/empty prompt/);
    expect(out.agreement).toBeNull();
    expect(out.agreementReason).toMatch(/one word/);
    expect(r.stderr).toMatch(/one word/);
  });

  it('handles an empty prompt: nothing to leave out, attention on <none>', () => {
    const r = cli(['--prompt', '', ...SHORT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/unconditional/);
    const out = JSON.parse(r.stdout);
    expect(out.words).toEqual([]);
    expect(out.unconditional).toBe(true);
    expect(out.attention.cols).toEqual(['<none>']);
    expect(out.occlusion.words).toEqual([]);
    expect(out.occlusion.note).toMatch(/no words/);
    expect([out.agreement, out.agreementReason]).toEqual([null, 'the prompt has no words']);
  });

  it('occludes unknown words too and flags them', () => {
    const r = cli(['--prompt', 'a zorblax jig', ...SHORT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/zorblax/);
    const out = JSON.parse(r.stdout);
    expect(out.unknownWords).toEqual(['zorblax']);
    expect(out.occlusion.words.map((w: { word: string; unknown: boolean }) => [w.word, w.unknown])).toEqual([
      ['a', false],
      ['zorblax', true],
      ['jig', false],
    ]);
  });

  it.each([
    [['--temperature', '5'], /--temperature must be from 0 to 2/],
    [['--max-tokens', '0'], /--max-tokens must be from 1 to 510/],
    [['--seed', 'x'], /--seed must be an integer/],
    [['--bogus'], /unknown option --bogus/],
  ])('rejects %j with exit code 2', (extra, message) => {
    const r = cli(['--prompt', 'jig', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('asks for a prompt', () => {
    const r = cli(['--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--prompt is required/);
  });
});
