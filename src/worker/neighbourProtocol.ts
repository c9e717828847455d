import type { CopyScore } from '../explain/copyDetect';
import type { NeighbourList, NeighbourMeasure, NeighbourSettings } from '../explain/neighbours';
import type { SketchSpec } from '../explain/gradient';
import type { SharedPassage } from '../explain/ngram';
import type { VectorSetName } from '../explain/neighboursIndex';

/**
 * Typed messages between the page and neighbours.worker.ts, which owns the catalogue's indexes (n-grams, the
 * shipped text/music/gradient vectors, the copy detector's bars) so building and ranking never block the page.
 */

/** The measures whose catalogue side is a shipped vector file (n-grams are built from the catalogue itself). */
export const VECTOR_SETS: readonly VectorSetName[] = ['text', 'music', 'gradient'];

export interface IndexRequest {
  readonly type: 'index';
  readonly id: number;
  /** Absolute URL of the folder holding catalogue.json and neighbours*.{json,bin}. */
  readonly corpusUrl: string;
}

/** The query's vectors, as the model worker computed them; a missing one leaves its measure unavailable. */
export interface QueryVectors {
  readonly textEmbedding?: Float32Array | null;
  readonly musicEmbedding?: Float32Array | null;
  readonly gradientSketch?: Float32Array | null;
}

export interface RankRequest {
  readonly type: 'rank';
  readonly id: number;
  readonly tokens: readonly string[];
  readonly vectors: QueryVectors;
  readonly settings: NeighbourSettings;
}

/** The melodic passages a tune shares with catalogue tune `index`, for marking both scores. */
export interface PassagesRequest {
  readonly type: 'passages';
  readonly id: number;
  readonly tokens: readonly string[];
  readonly index: number;
}

export interface CopyRequest {
  readonly type: 'copy';
  readonly id: number;
  readonly tokens: readonly string[];
}

export type NeighbourRequest = IndexRequest | RankRequest | PassagesRequest | CopyRequest;

export interface IndexInfo {
  readonly count: number;
  /** Why a measure's catalogue side is not usable; absent for usable measures. */
  readonly unavailable: Partial<Record<NeighbourMeasure, string>>;
  /** SHA-256 of the decoder the vectors were computed with (null without a usable index header). */
  readonly decoderSha256: string | null;
  /** Sketch parameters the model worker needs for the query's gradient sketch. */
  readonly sketch: SketchSpec | null;
  /** Time to fetch, check, decode and index everything, in ms. */
  readonly buildMs: number;
}

export type NeighbourReply =
  | { readonly type: 'indexed'; readonly id: number; readonly info: IndexInfo }
  | { readonly type: 'ranked'; readonly id: number; readonly list: NeighbourList; readonly ms: number }
  | { readonly type: 'passages'; readonly id: number; readonly passages: readonly SharedPassage[] }
  | { readonly type: 'copy'; readonly id: number; readonly score: CopyScore }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
