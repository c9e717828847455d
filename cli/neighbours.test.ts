import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'cli/neighbours.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

const dir = mkdtempSync(join(tmpdir(), 'neighbours-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const TUNE = file('tune.abc', 'X:1\nT:Test\nM:6/8\nL:1/8\nK:D\n|: DFA dAF | GBd gdB | AFD EFG | FDD D3 :|\n');
const ID = 'airdsAirs-book1-0001';

describe('npm run neighbours: bad input exits with code 2 and says why', () => {
  it.each([
    [
      'an unknown catalogue id',
      ['--catalogue-id', 'no-such-tune', '--measure', 'ngram'],
      /unknown catalogue id "no-such-tune"/,
    ],
    ['an empty ABC file', ['--abc-file', file('empty.abc', '  \n'), '--measure', 'ngram'], /is empty/],
    [
      'an ABC file that does not parse',
      ['--abc-file', file('bad.abc', 'X:1\nT:x\nK:D\nabc\n'), '--measure', 'ngram'],
      /not a tune the model can read/,
    ],
    ['a missing ABC file', ['--abc-file', join(dir, 'nope.abc'), '--measure', 'ngram'], /cannot read --abc-file/],
    ['--k 0', ['--catalogue-id', ID, '--measure', 'ngram', '--k', '0'], /--k must be from 1 to 100/],
    ['--k 101', ['--catalogue-id', ID, '--measure', 'ngram', '--k', '101'], /--k must be from 1 to 100/],
    ['--measure text without a prompt', ['--abc-file', TUNE, '--measure', 'text'], /--measure text .* --prompt/],
    ['--measure text with an empty prompt', ['--prompt', '', '--measure', 'text'], /--measure text .* --prompt/],
    [
      'an unknown measure',
      ['--catalogue-id', ID, '--measure', 'vibes'],
      /--measure must be one of text, music, ngram, gradient/,
    ],
    ['no measure', ['--catalogue-id', ID], /--measure is required/],
    ['no query', ['--measure', 'ngram'], /give a query/],
    ['two queries', ['--catalogue-id', ID, '--abc-file', TUNE, '--measure', 'ngram'], /not both/],
  ])('%s', (_, args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('npm run neighbours --json', () => {
  it('prints {query, measure, neighbours: [{id, title, score, credits}]} with the query tune first', () => {
    const r = cli(['--catalogue-id', ID, '--measure', 'gradient', '--k', '5', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      measure: 'gradient',
      k: 5,
      query: { source: 'catalogue', id: ID, promptSource: 'first caption' },
    });
    expect(out.method).toMatch(/estimate/);
    expect(out.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.neighbours).toHaveLength(5);
    for (const n of out.neighbours) {
      expect(Object.keys(n)).toEqual(expect.arrayContaining(['rank', 'id', 'title', 'score', 'label', 'credits']));
      expect(typeof n.credits.collection).toBe('string');
    }
    expect(out.neighbours[0].id).toBe(ID);
    expect(out.neighbours.map((n: { rank: number }) => n.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ranks an ABC file by n-grams without the model, with shared passages', () => {
    const copy = file(
      'copy.abc',
      'X:1\nT:Copy\nM:2/2\nL:1/8\nK:A\nBA | c2c2 c2BA | c2c2 c2a2 | c2c2 c2BA |\nBABc B2AB | c2c2 dcBA | B2c2 a2ga | b2ag a2gf |\n',
    );
    const out = JSON.parse(cli(['--abc-file', copy, '--measure', 'ngram', '--k', '3', '--json']).stdout);
    expect(out.query).toMatchObject({ source: 'abc-file', prompt: null });
    expect(out.modelSha256).toBeNull();
    // The Ranting Highlandman's first two lines, a tone up.
    expect(out.neighbours[0]).toMatchObject({ id: ID, score: 1 });
    expect(out.neighbours[0].passages[0].transposition).toBe(-2);
  });

  it('reads a generation from a prompt and seed', () => {
    const r = cli([
      '--prompt',
      'a slow air in a minor',
      '--seed',
      '4',
      '--max-tokens',
      '60',
      '--measure',
      'music',
      '--k',
      '2',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.query).toMatchObject({ source: 'generation', seed: 4, prompt: 'a slow air in a minor' });
    expect(out.query.abc).toMatch(/^X:1/);
    expect(out.neighbours).toHaveLength(2);
    expect(out.neighbours[0].score).toBeGreaterThanOrEqual(out.neighbours[1].score);
  });
});
