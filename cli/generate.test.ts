import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barSpans, cutExcerpt } from '../src/music/excerpt';
import { readCatalogue } from './catalogue';

function cli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'cli/generate.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

const SHORT = ['--max-tokens', '40'];

describe('npm run generate', () => {
  it('gives the same tune for the same arguments', () => {
    const args = ['--prompt', 'a lively jig in d major', '--seed', '7', '--json', ...SHORT];
    const a = JSON.parse(cli(args).stdout);
    const b = JSON.parse(cli(args).stdout);
    expect(a.tokens.length).toBeGreaterThan(2);
    expect({ ...a, timings: null }).toEqual({ ...b, timings: null });
    expect(a.abc).toMatch(/^X:1\nM:/);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'abc',
        'tokens',
        'promptWords',
        'unknownWords',
        'seed',
        'settings',
        'modelSha256',
        'timings',
      ]),
    );
    expect(a.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.timings.tokensPerSecond).toBeGreaterThan(0);
  });

  it('pins meter, key and mode', () => {
    const out = JSON.parse(
      cli(['--prompt', 'a reel', '--meter', '6/8', '--key', 'E', '--mode', 'minor', '--json', ...SHORT]).stdout,
    );
    expect(out.tokens.slice(0, 2)).toEqual(['M:6/8', 'K:Emin']);
  });

  it('continues from an ABC prefix', () => {
    const out = JSON.parse(cli(['--prompt', 'jig', '--prefix', 'M:6/8 K:D |: d2e fed |', '--json', ...SHORT]).stdout);
    expect(out.tokens.slice(0, 12)).toEqual([
      'M:6/8',
      'K:Dmaj',
      '|:',
      'd',
      '2',
      'e',
      'f',
      'e',
      'd',
      '|',
      ...out.tokens.slice(10, 12),
    ]);
  });

  it('generates unconditionally from an empty prompt and says so', () => {
    const r = cli(['--prompt', '', '--json', ...SHORT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/unconditional/);
    expect(JSON.parse(r.stdout).promptWords).toEqual([]);
  });

  it('lists unknown words and goes on', () => {
    const r = cli(['--prompt', 'a zorblax jig in d', '--json', ...SHORT]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).unknownWords).toEqual(['zorblax']);
    expect(r.stderr).toMatch(/zorblax/);
  });

  it('truncates a very long prompt with a warning', () => {
    const r = cli(['--prompt', 'jig '.repeat(200), '--json', ...SHORT]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).promptWords).toHaveLength(32);
    expect(r.stderr).toMatch(/cut to its first 32 words/);
  });

  it.each([
    [['--temperature', '5'], /--temperature must be from 0 to 2/],
    [['--top-p', '0'], /--top-p must be from 0.01 to 1/],
    [['--top-k', '1.5'], /--top-k must be an integer/],
    [['--seed', 'abc'], /--seed must be an integer/],
    [['--max-tokens', '9999'], /--max-tokens must be from 1 to 510/],
    [['--mode', 'lydianish'], /--mode must be one of major, minor, dorian, mixolydian/],
    [['--meter', '5/4'], /meter 5\/4 is not one the model knows/],
    [['--key', 'H'], /--key must be a tonic/],
    [['--bogus', '1'], /unknown option --bogus/],
  ])('rejects %j with exit code 2', (extra, message) => {
    const r = cli(['--prompt', 'jig', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  describe('references', () => {
    const { entries } = readCatalogue();
    // The first catalogue tune that is long enough for the range cases.
    const long = entries.find((e) => barSpans(e.tokens).length >= 12 && e.tokens.length > 150)!;
    const bars = barSpans(long.tokens).length;

    it('lists its references in --json, in the order given', () => {
      const dir = mkdtempSync(join(tmpdir(), 'apparatus-ref-'));
      const file = join(dir, 'mine.abc');
      writeFileSync(file, 'X:1\nT:My Tune\nM:6/8\nL:1/8\nK:D\n|: d2e fed | cBA B3 :|\n');
      const r = cli([
        '--prompt',
        'jig',
        '--reference-abc',
        `${file}:2-2`,
        '--reference',
        `${long.id}:1-2`,
        '--json',
        ...SHORT,
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).references).toEqual([
        {
          kind: 'abc',
          id: file,
          title: 'My Tune',
          first: 2,
          last: 2,
          tokens: 2 + 6,
          tokensSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        {
          kind: 'catalogue',
          id: long.id,
          title: long.titles[0],
          first: 1,
          last: 2,
          tokens: cutExcerpt(long.tokens, 1, 2).length,
          credits: long.credits,
        },
      ]);
    });

    it('lists its references with their credits in comments of the printed ABC', () => {
      const r = cli(['--prompt', 'jig', '--reference', `${long.id}:1-2`, ...SHORT]);
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe('X:1');
      expect(lines[1]).toMatch(/^% references: 1 excerpt read by the model beside the prompt/);
      expect(lines[2]).toMatch(new RegExp(`^% reference-1: catalogue ${long.id}, .*bars 1-2; collection `));
      expect(lines[2]).toContain(`source file ${long.credits.sourceFile}`);
    });

    const broken = () => {
      const dir = mkdtempSync(join(tmpdir(), 'apparatus-ref-'));
      writeFileSync(join(dir, 'broken.abc'), 'X:1\nM:4/4\nL:1/8\nK:G\nGABc d@GB |\n');
      return join(dir, 'broken.abc');
    };
    it.each<[string, () => string[], RegExp]>([
      ['an unknown catalogue id', () => ['--reference', 'no-such-tune'], /no tune "no-such-tune" in the catalogue/],
      [
        'an unreadable ABC file',
        () => ['--reference-abc', '/no/such/file.abc'],
        /--reference-abc: cannot read \/no\/such\/file.abc/,
      ],
      [
        'ABC that does not parse',
        () => ['--reference-abc', broken()],
        /does not parse as ABC at character 7 of the music/,
      ],
      [
        'bars past the end of the tune',
        () => ['--reference', `${long.id}:2-${bars + 1}`],
        new RegExp(`bars 2-${bars + 1} are past the end: the tune has ${bars} bars`),
      ],
      ['a range that ends before it begins', () => ['--reference', `${long.id}:4-2`], /ends before it begins/],
      ['a malformed range', () => ['--reference', `${long.id}:3-`], /bar range after ":" must look like 3-6/],
      [
        'a range too long for a reference',
        () => ['--reference', `${long.id}:1-${bars}`],
        /make \d+ tokens with the meter and key; a reference holds at most 96: choose a shorter range, e\.g\. 1-\d+/,
      ],
      [
        'more than three references',
        () => ['--reference', long.id, '--reference', long.id, '--reference-abc', 'x.abc', '--reference', long.id],
        /4 references given; the model reads at most 3/,
      ],
    ])('rejects %s with exit code 2, before loading the model', (_name, args, message) => {
      // A model directory that does not exist: the reference must be refused before the model is read.
      const r = cli(['--prompt', 'jig', ...args(), '--model-dir', '/no/model/here']);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    });
  });

  it('gives a parse error with its position for a broken prefix', () => {
    const r = cli(['--prompt', 'jig', '--prefix', 'M:6/8 K:D |: d2e f@d |']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--prefix does not parse at character 9 of the music/);
  });

  it.each([
    ['missing', (dir: string) => rmSync(join(dir, 'decoder.onnx')), 'decoder.onnx'],
    ['corrupt', (dir: string) => writeFileSync(join(dir, 'encoder.onnx'), 'not a model'), 'encoder.onnx'],
  ])('names a %s model file, its expected hash and how to restore it', (_kind, damage, file) => {
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-model-'));
    cpSync('public/models', dir, { recursive: true });
    damage(dir);
    const r = cli(['--prompt', 'jig', '--model-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, file));
    expect(r.stderr).toMatch(/expected SHA-256 [0-9a-f]{64}/);
    expect(r.stderr).toMatch(/git checkout -- public\/models/);
  });
});
