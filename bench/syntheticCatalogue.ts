/**
 * Synthetic catalogues of any size, grown from the shipped one: tune i is shipped tune i mod n with its int8
 * vectors jittered by seeded noise, and with its notes (so its n-gram figures) as they are. Near-copies of real
 * tunes keep the real sets' structure (clusters, spread) without inventing any.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INDEX_DIR, readIndexHeader } from '../cli/neighboursSetup';
import { mulberry32 } from '../src/runtime/prng';
import type { NoteSequence } from '../src/music/noteSequence';
import type { NeighbourCatalogue } from '../src/explain/neighbours';
import { tokensToNoteSequence, type NeighbourIndexHeader, type VectorSetName } from '../src/explain/neighboursIndex';
import { buildNgramIndex } from '../src/explain/ngram';
import { int8VectorSet } from '../src/explain/vectors';
import type { CoarseOptions } from '../src/explain/coarseIndex';

export const SETS: readonly VectorSetName[] = ['text', 'music', 'gradient'];

export interface Shipped {
  readonly header: NeighbourIndexHeader;
  readonly files: Record<VectorSetName, Uint8Array>;
  readonly sequences: readonly NoteSequence[];
  readonly ids: readonly string[];
}

export function readShipped(dir = DEFAULT_INDEX_DIR): Shipped {
  const header = readIndexHeader(dir);
  const { entries } = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as {
    entries: { id: string; tokens: string[] }[];
  };
  const read = (s: VectorSetName) => new Uint8Array(readFileSync(join(dir, header.sets[s].file)));
  const files = { text: read('text'), music: read('music'), gradient: read('gradient') };
  return {
    header,
    files,
    sequences: entries.map((e) => tokensToNoteSequence(e.tokens)),
    ids: entries.map((e) => e.id),
  };
}

/** `count` rows in the shipped file format: each a shipped row's scale and its int8 values plus N(0, sigma) noise. */
export function jitteredFile(file: Uint8Array, shipped: number, dim: number, count: number, seed: number): Uint8Array {
  const src = file.slice();
  const scales = new Float32Array(src.buffer, 0, shipped);
  const values = new Int8Array(src.buffer, shipped * 4, shipped * dim);
  const out = new Uint8Array(count * 4 + count * dim);
  const outScales = new Float32Array(out.buffer, 0, count);
  const outValues = new Int8Array(out.buffer, count * 4, count * dim);
  const rand = mulberry32(seed);
  // Gaussian noise (sigma 12 int8 steps) drawn from a seeded table: a hundred million draws stay cheap.
  const table = Int8Array.from({ length: 4096 }, () =>
    Math.round(12 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())),
  );
  for (let r = 0; r < count; r++) {
    const s = r % shipped;
    outScales[r] = scales[s];
    for (let j = 0; j < dim; j++) {
      const noise = r < shipped ? 0 : table[(rand() * 4096) | 0];
      outValues[r * dim + j] = Math.max(-127, Math.min(127, values[s * dim + j] + noise));
    }
  }
  return out;
}

/** A catalogue of `count` tunes; `coarse` as for int8VectorSet (false: every set scored exactly). */
export function syntheticCatalogue(
  shipped: Shipped,
  count: number,
  coarse?: CoarseOptions | false,
): NeighbourCatalogue {
  const n = shipped.ids.length;
  const set = (name: VectorSetName, seed: number) => {
    const info = shipped.header.sets[name];
    const bytes = jitteredFile(shipped.files[name], n, info.dim, count, seed);
    return int8VectorSet(bytes, count, info.dim, info.centre ? Float32Array.from(info.centre) : null, coarse);
  };
  const g = shipped.header.sets.gradient;
  const sequence = (i: number) => shipped.sequences[i % n];
  return {
    ids: Array.from({ length: count }, (_, i) => `synthetic-${i}`),
    titles: Array.from({ length: count }, (_, i) => `synthetic tune ${i}`),
    training: new Uint8Array(count).fill(1),
    text: set('text', 1),
    music: set('music', 2),
    gradient: set('gradient', 3),
    sketch: { k: g.k, blocks: g.blocks, seed: g.seed, features: g.features },
    ngrams: buildNgramIndex(Array.from({ length: count }, (_, i) => sequence(i))),
    sequence,
  };
}
