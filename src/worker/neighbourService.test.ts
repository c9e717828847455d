import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../catalogue/catalogueEntry';
import { DEFAULT_NEIGHBOUR_SETTINGS } from '../explain/neighbours';
import { NeighbourService, type ReadCorpusFile } from './neighbourService';

const DIR = join(process.cwd(), 'public/corpus');
const readShipped: ReadCorpusFile = async (file) => new Uint8Array(await readFile(join(DIR, file)));
/** The shipped files, with some replaced. */
const readWith =
  (replace: Record<string, Uint8Array>): ReadCorpusFile =>
  async (file) =>
    (replace[file] as Uint8Array<ArrayBuffer> | undefined) ?? readShipped(file);

let entries: CatalogueEntry[];
const service = new NeighbourService();
beforeAll(async () => {
  entries = (JSON.parse(new TextDecoder().decode(await readShipped('catalogue.json'))) as { entries: CatalogueEntry[] })
    .entries;
  await service.index(readShipped);
}, 60_000);

describe('NeighbourService on the shipped catalogue', () => {
  it('indexes every measure', async () => {
    const info = await new NeighbourService().index(readShipped);
    expect(info.count).toBe(entries.length);
    expect(info.unavailable).toEqual({});
    expect(info.sketch?.k).toBeGreaterThan(0);
    expect(info.decoderSha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('ranks a training tune first by n-grams, finds the passages it shares with itself, and flags it as a copy', () => {
    const i = entries.findIndex((e) => e.split === 'train' && e.tokens.length > 100);
    const { list, ms } = service.rank({
      tokens: entries[i].tokens,
      vectors: {},
      settings: { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'ngram' },
    });
    expect(list.neighbours[0].id).toBe(entries[i].id);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(service.passages(entries[i].tokens, i).length).toBeGreaterThan(0);
    expect(service.copy(entries[i].tokens)).toMatchObject({ tuneId: entries[i].id, flagged: true });
  });

  it('says a vector measure is unavailable without the query vector', () => {
    const { list } = service.rank({ tokens: entries[0].tokens, vectors: {}, settings: DEFAULT_NEIGHBOUR_SETTINGS });
    expect(list.unavailable).toContain('gradient sketch');
  });

  it('refuses a passage request outside the catalogue', () => {
    expect(() => service.passages(entries[0].tokens, entries.length)).toThrow(/no catalogue tune at position/);
  });
});

describe('NeighbourService with broken index files', () => {
  it.each([
    [
      'a corrupt gradient file',
      { 'neighbours-gradient.bin': new Uint8Array(10) },
      { gradient: /corrupt.*npm run catalogue:index/ },
    ],
    [
      'a header that is not JSON',
      { 'neighbours.json': new TextEncoder().encode('{oops') },
      { text: /not valid JSON/, music: /not valid JSON/, gradient: /not valid JSON/ },
    ],
    [
      'a header for another catalogue',
      {
        'neighbours.json': new TextEncoder().encode(JSON.stringify({ version: 1, count: 3, idsFnv1a: '0', sets: {} })),
      },
      { text: /another catalogue/, music: /another catalogue/, gradient: /another catalogue/ },
    ],
  ])(
    '%s leaves the vector measures it affects unavailable and keeps n-grams',
    async (_name, replace, expected) => {
      const s = new NeighbourService();
      const info = await s.index(readWith(replace));
      expect(Object.keys(info.unavailable).sort()).toEqual(Object.keys(expected).sort());
      for (const [m, pattern] of Object.entries(expected))
        expect(info.unavailable[m as keyof typeof info.unavailable]).toMatch(pattern);
      const { list } = s.rank({
        tokens: entries[0].tokens,
        vectors: {},
        settings: { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'ngram' },
      });
      expect(list.neighbours.length).toBe(10);
    },
    60_000,
  );

  it('fails with a clear message when the catalogue itself is broken', async () => {
    await expect(
      new NeighbourService().index(readWith({ 'catalogue.json': new TextEncoder().encode('nope') })),
    ).rejects.toThrow(/catalogue.json is not valid JSON; rebuild it with: npm run corpus/);
  });

  it('answers nothing before it has indexed', () => {
    expect(() => new NeighbourService().copy(['M:4/4'])).toThrow(/not indexed yet/);
  });
});
