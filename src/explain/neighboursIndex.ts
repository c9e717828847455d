/**
 * The catalogue side of the neighbour measures, assembled from what `npm run catalogue:index` ships in
 * public/corpus/ (neighbours.json and neighbours-*.bin) and from the catalogue's own tokens (n-grams).
 * Pure: the caller reads the files (fetch in the worker, fs in the CLI) and passes the bytes in.
 */
import { toNoteSequence, type NoteSequence } from '../music/noteSequence';
import { hashString } from '../runtime/prng';
import { tokensToEvents } from '../tokenizer/musicTokens';
import type { SketchSpec } from './gradient';
import type { NeighbourCatalogue } from './neighbours';
import { buildNgramIndex, DEFAULT_NGRAM } from './ngram';
import { int8VectorSet } from './vectors';

export type VectorSetName = 'text' | 'music' | 'gradient';

export interface VectorFileInfo {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly dim: number;
  readonly method: string;
  /** Subtracted from the stored rows before they were written, and to be subtracted from queries. */
  readonly centre?: readonly number[] | null;
}

export interface GradientFileInfo extends VectorFileInfo, SketchSpec {
  readonly layout: string;
  readonly projection: string;
  /** Sketch cosines against exact gradient cosines over pairs of a sample of tunes. */
  readonly fidelity: Readonly<Record<string, number>> | null;
}

/** public/corpus/neighbours.json, written by training/attribution.py. */
export interface NeighbourIndexHeader {
  readonly version: number;
  readonly command: string;
  readonly count: number;
  /** FNV-1a (hashString) of the catalogue ids joined by newlines, as 8 hex digits. */
  readonly idsFnv1a: string;
  readonly model: { readonly weights: string; readonly encoderSha256: string; readonly decoderSha256: string };
  readonly sets: { readonly text: VectorFileInfo; readonly music: VectorFileInfo; readonly gradient: GradientFileInfo };
  readonly seconds?: number;
}

/** What the neighbour views need of a catalogue entry. */
export interface CatalogueTune {
  readonly id: string;
  readonly titles: readonly string[];
  readonly split: string;
  readonly tokens: readonly string[];
}

export const idsFnv1a = (ids: readonly string[]): string => hashString(ids.join('\n')).toString(16).padStart(8, '0');

export const INDEX_VERSION = 1;

/**
 * Why the shipped index cannot be used with this catalogue and model, one message per problem (empty when it
 * can). Pass the decoder's SHA-256 when known; the index must come from the same weights.
 */
export function indexProblems(header: NeighbourIndexHeader, ids: readonly string[], decoderSha256?: string): string[] {
  const rerun = `; rebuild it with: ${header.command || 'npm run catalogue:index'}`;
  const problems: string[] = [];
  if (header.version !== INDEX_VERSION)
    problems.push(`neighbour index version ${header.version}, expected ${INDEX_VERSION}${rerun}`);
  if (header.count !== ids.length || header.idsFnv1a !== idsFnv1a(ids)) {
    problems.push(`the neighbour index was built for another catalogue (${header.count} tunes)${rerun}`);
  }
  if (decoderSha256 && header.model.decoderSha256 !== decoderSha256) {
    problems.push(
      `the neighbour index was computed with another model (decoder ${header.model.decoderSha256.slice(0, 12)})${rerun}`,
    );
  }
  return problems;
}

/** A catalogue tune's tokens played out (leniently) into notes. */
export function tokensToNoteSequence(tokens: readonly string[]): NoteSequence {
  const { meter, key, events } = tokensToEvents(tokens, false);
  return toNoteSequence(meter ?? { num: 4, den: 4 }, key ?? { tonic: 'C', mode: 'maj' }, events);
}

export interface CatalogueBuildOptions {
  /** Bytes of the neighbours-*.bin files that were loaded; a set left out is unavailable. */
  readonly files?: Partial<Record<VectorSetName, Uint8Array>>;
  readonly header?: NeighbourIndexHeader | null;
  /** Intervals per n-gram figure; false skips the n-gram index. */
  readonly ngram?: number | false;
}

/** Builds every index the options allow. The n-gram index costs one pass over the catalogue's tokens. */
export function buildNeighbourCatalogue(
  entries: readonly CatalogueTune[],
  options: CatalogueBuildOptions = {},
): NeighbourCatalogue {
  const { header = null, files = {}, ngram = DEFAULT_NGRAM } = options;
  const count = entries.length;
  const load = (name: VectorSetName) => {
    const bytes = files[name];
    if (!bytes || !header) return null;
    const info = header.sets[name];
    const centre = info.centre ? Float32Array.from(info.centre) : null;
    return int8VectorSet(bytes, count, info.dim, centre);
  };
  const sequences: (NoteSequence | undefined)[] = new Array(count);
  const sequence = (i: number) => (sequences[i] ??= tokensToNoteSequence(entries[i].tokens));
  const g = header?.sets.gradient;
  return {
    ids: entries.map((e) => e.id),
    titles: entries.map((e) => e.titles[0] ?? e.id),
    training: Uint8Array.from(entries, (e) => (e.split === 'train' ? 1 : 0)),
    text: load('text'),
    music: load('music'),
    gradient: load('gradient'),
    sketch: g ? { k: g.k, blocks: g.blocks, seed: g.seed, features: g.features } : null,
    ngrams:
      ngram === false
        ? null
        : buildNgramIndex(
            entries.map((_, i) => sequence(i)),
            ngram,
          ),
    sequence,
  };
}
