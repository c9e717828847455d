import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run corpus` on the fixtures into a fresh folder; returns the folder and what it printed. */
function runCorpus(registry = 'pipeline/fixtures/registry.json'): { out: string; stdout: string } {
  const out = mkdtempSync(join(tmpdir(), 'apparatus-corpus-'));
  outDirs.push(out);
  const stdout = execFileSync(
    TSX,
    ['pipeline/runCorpus.ts', '--input', 'pipeline/fixtures/abc', '--out', out, '--registry', registry],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { out, stdout };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

describe('runCorpus', () => {
  let first: { out: string; stdout: string };
  let second: { out: string; stdout: string };
  beforeAll(() => {
    first = runCorpus();
    second = runCorpus();
  });

  it('writes the catalogue, the vocabulary and the training arrays', () => {
    expect(filesUnder(first.out)).toEqual([
      'public/corpus/catalogue.json',
      'public/models/vocab.json',
      'training/data/caption_offsets.i32',
      'training/data/caption_tune.i32',
      'training/data/captions.i16',
      'training/data/meta.json',
      'training/data/music.i16',
      'training/data/music_beats.u8',
      'training/data/music_offsets.i32',
      'training/data/source.i32',
      'training/data/split.u8',
    ]);
  });

  it('prints what it kept and dropped', () => {
    expect(first.stdout).toContain('read 12 tunes, kept 5, dropped 7');
    expect(first.stdout).toMatch(/dropped +2 {2}duplicate/);
    expect(first.stdout).toContain('split: train 3, valid 1, test 1');
  });

  it('writes byte-identical files on a second run', () => {
    expect(filesUnder(second.out)).toEqual(filesUnder(first.out));
    for (const f of filesUnder(first.out)) {
      expect(readFileSync(join(second.out, f)).equals(readFileSync(join(first.out, f))), f).toBe(true);
    }
  });

  it('writes arrays that agree with the catalogue and meta.json', () => {
    const read = (f: string) => readFileSync(join(first.out, f));
    const catalogue = JSON.parse(read('public/corpus/catalogue.json').toString('utf8'));
    const meta = JSON.parse(read('training/data/meta.json').toString('utf8'));
    const vocab = JSON.parse(read('public/models/vocab.json').toString('utf8'));
    expect(catalogue.entries).toHaveLength(5);
    expect(meta).toMatchObject({ tunes: 5, musicVocab: vocab.music.length, textVocab: vocab.text.length });
    const rows: number = meta.rows;
    expect(rows).toBe(5 + meta.variants);
    const i32 = (f: string) => new Int32Array(new Uint8Array(read(f)).buffer);
    const musicOffsets = i32('training/data/music_offsets.i32');
    const music = new Int16Array(new Uint8Array(read('training/data/music.i16')).buffer);
    expect(musicOffsets).toHaveLength(rows + 1);
    expect(musicOffsets[rows]).toBe(music.length);
    expect(read('training/data/music_beats.u8')).toHaveLength(music.length);
    catalogue.entries.forEach((e: { tokens: string[] }, t: number) => {
      const ids = [...music.subarray(musicOffsets[t], musicOffsets[t + 1])];
      expect(ids.map((id) => vocab.music[id])).toEqual(['<s>', ...e.tokens, '</s>']);
    });
    // The catalogue's tunes first, then their transposed copies (training only), each pointing at its source.
    const split = [...read('training/data/split.u8')];
    const source = [...i32('training/data/source.i32')];
    // oneills1850-2 (row 2) is opted out of training by the fixture registry: marked withheld, with no copies.
    expect(split.slice(0, 5)).toEqual([0, 1, 3, 0, 2]);
    expect(source.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    for (let r = 5; r < rows; r++) {
      expect(split[r]).toBe(0);
      expect(split[source[r]]).toBe(0);
    }
    expect(meta.withheldFromTraining).toEqual(['oneills1850-2']);
  });

  it('says which training tunes the registry opts out', () => {
    expect(first.stdout).toContain(
      'training consent: 1 training tune opted out by the rights registry, withheld from training (oneills1850-2)',
    );
  });

  it('refuses a registry made for another corpus, naming the unknown tune', () => {
    let failure: { status: number; stderr: string } | null = null;
    try {
      runCorpus('public/rights/registry.json');
    } catch (e) {
      failure = e as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain('unknown tune id');
  });
});
