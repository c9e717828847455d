/**
 * An approximate index for large vector sets: every row also kept as a short sketch (a CountSketch: each of
 * the row's numbers is added, with a seeded sign, into one of `dim` buckets), so a query is first scored
 * against the sketches, and only the shortlist with the highest sketched scores is scored exactly. The sketch
 * of a dot product is an unbiased estimate of it; the shortlist is wide enough that the top of the ranking is
 * almost always the exact one (coarseIndex.test.ts measures how often on random data).
 */
import { quickselect } from 'd3';
import { fmix32 } from './gradient';

export interface CoarseIndex {
  /** Sketch length. */
  readonly dim: number;
  /** count * dim sketched unit rows, row-major. */
  readonly rows: Float32Array;
  /** For each of the full rows' numbers: its bucket and its sign. */
  readonly bucket: Int32Array;
  readonly sign: Float32Array;
  /** How many rows the exact stage scores. */
  readonly shortlist: number;
}

export interface CoarseOptions {
  readonly dim: number;
  readonly shortlist: number;
  readonly seed: number;
}

/** From this many rows on, a vector set gets a coarse index; below it, scoring every row exactly is fast enough. */
export const APPROXIMATE_FROM = 30_000;
export const DEFAULT_COARSE: CoarseOptions = { dim: 64, shortlist: 3_000, seed: 0x5eed };

/** Bucket and sign of each of `fullDim` numbers, from a seeded hash. */
export function coarsePlan(fullDim: number, o: CoarseOptions): { bucket: Int32Array; sign: Float32Array } {
  const bucket = new Int32Array(fullDim);
  const sign = new Float32Array(fullDim);
  const mix = fmix32(o.seed >>> 0);
  for (let j = 0; j < fullDim; j++) {
    const h = fmix32((j ^ mix) >>> 0);
    bucket[j] = h % o.dim;
    sign[j] = h >>> 31 ? -1 : 1;
  }
  return { bucket, sign };
}

/**
 * Sketches `count` rows; `row(r, out)` writes row r's unit-length numbers into `out` (fullDim long), so the
 * caller's storage (int8 or float) stays its own business.
 */
export function buildCoarse(
  count: number,
  fullDim: number,
  row: (r: number, out: Float32Array) => void,
  o: CoarseOptions = DEFAULT_COARSE,
): CoarseIndex {
  const { bucket, sign } = coarsePlan(fullDim, o);
  const rows = new Float32Array(count * o.dim);
  const full = new Float32Array(fullDim);
  for (let r = 0; r < count; r++) {
    row(r, full);
    const base = r * o.dim;
    for (let j = 0; j < fullDim; j++) rows[base + bucket[j]] += sign[j] * full[j];
  }
  return { dim: o.dim, rows, bucket, sign, shortlist: Math.min(count, o.shortlist) };
}

/** The sketch of one (unit) query. */
export function sketchQuery(index: CoarseIndex, query: ArrayLike<number>): Float32Array {
  const out = new Float32Array(index.dim);
  for (let j = 0; j < query.length; j++) out[index.bucket[j]] += index.sign[j] * query[j];
  return out;
}

/** Positions of the `index.shortlist` rows whose sketched scores are highest (ties broken by position). */
export function shortlist(index: CoarseIndex, query: ArrayLike<number>): Int32Array {
  const q = sketchQuery(index, query);
  const { dim, rows } = index;
  const count = rows.length / dim;
  const estimate = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let dot = 0;
    const base = r * dim;
    for (let j = 0; j < dim; j++) dot += rows[base + j] * q[j];
    estimate[r] = dot;
  }
  if (index.shortlist >= count) return Int32Array.from({ length: count }, (_, i) => i);
  // The shortlist's lowest estimate: the (count - shortlist)-th smallest, selected in linear time.
  const at = count - index.shortlist;
  const threshold = quickselect(Float32Array.from(estimate), at)[at];
  const out = new Int32Array(index.shortlist);
  let n = 0;
  for (let r = 0; r < count && n < out.length; r++) if (estimate[r] > threshold) out[n++] = r;
  for (let r = 0; r < count && n < out.length; r++) if (estimate[r] === threshold) out[n++] = r;
  return out.sort();
}
