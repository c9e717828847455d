/**
 * Flat vector sets for the neighbour measures: the catalogue's precomputed embeddings and gradient sketches,
 * decoded from `npm run catalogue:index`'s int8 files and scored against a query in one pass.
 */
import {
  APPROXIMATE_FROM,
  buildCoarse,
  DEFAULT_COARSE,
  shortlist,
  type CoarseIndex,
  type CoarseOptions,
} from './coarseIndex';

/**
 * `count` rows of `dim` numbers in one flat array, kept as they came (the shipped int8 values, 4 times smaller
 * than floats) with a factor per row that turns a row's dot product into its cosine.
 */
export interface VectorSet {
  readonly count: number;
  readonly dim: number;
  /** count * dim, row-major. */
  readonly values: Int8Array | Float32Array;
  /** Per row: 1 / length of the row as `values` holds it (0 for a zero row), so dot * factor is the cosine. */
  readonly rowFactor: Float32Array;
  /** Length of each row (after centring, after dequantising). */
  readonly norms: Float32Array;
  /** Subtracted from every row and every query before the cosine (the catalogue mean), or null. */
  readonly centre: Float32Array | null;
  /** A sketch of every row for a shortlist, for large sets (see coarseIndex.ts); null scores every row exactly. */
  readonly coarse: CoarseIndex | null;
}

/**
 * Reads one `neighbours-*.bin` file: `count` float32 row scales, then `count * dim` int8 values; value = scale * int8.
 * Returns the dequantised rows.
 */
export function decodeInt8Rows(bytes: Uint8Array, count: number, dim: number): Float32Array {
  const expected = count * 4 + count * dim;
  if (bytes.byteLength !== expected) {
    throw new Error(`vector file has ${bytes.byteLength} bytes; ${count} rows of ${dim} need ${expected}`);
  }
  const copy = bytes.slice(); // aligned, so the float32 view below is allowed
  const scales = new Float32Array(copy.buffer, 0, count);
  const values = new Int8Array(copy.buffer, count * 4, count * dim);
  const out = new Float32Array(count * dim);
  for (let r = 0; r < count; r++) {
    const s = scales[r];
    for (let j = r * dim; j < (r + 1) * dim; j++) out[j] = s * values[j];
  }
  return out;
}

function checkCentre(centre: Float32Array | null, dim: number): void {
  if (centre && centre.length !== dim) throw new Error(`centre has ${centre.length} numbers, rows have ${dim}`);
}

/** Sketches a set's unit rows when it is large enough to need it. */
function withCoarse(set: Omit<VectorSet, 'coarse'>, coarse: CoarseOptions | false | undefined): VectorSet {
  const wanted = coarse === undefined ? set.count >= APPROXIMATE_FROM : coarse !== false;
  if (!wanted) return { ...set, coarse: null };
  const { values, rowFactor, dim } = set;
  const unitRow = (r: number, out: Float32Array) => {
    for (let j = 0; j < dim; j++) out[j] = values[r * dim + j] * rowFactor[r];
  };
  return { ...set, coarse: buildCoarse(set.count, dim, unitRow, coarse || DEFAULT_COARSE) };
}

/**
 * Makes a set from raw rows (already centred, as the index stores them); `centre` is kept for queries.
 * `coarse`: sketch options, false for none; by default sets of APPROXIMATE_FROM rows or more get a sketch.
 */
export function vectorSet(
  rows: Float32Array,
  count: number,
  dim: number,
  centre: Float32Array | null = null,
  coarse?: CoarseOptions | false,
): VectorSet {
  if (rows.length !== count * dim) throw new Error(`expected ${count * dim} numbers, got ${rows.length}`);
  checkCentre(centre, dim);
  const norms = new Float32Array(count);
  const rowFactor = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let ss = 0;
    for (let j = r * dim; j < (r + 1) * dim; j++) ss += rows[j] * rows[j];
    norms[r] = Math.sqrt(ss);
    rowFactor[r] = norms[r] > 0 ? 1 / norms[r] : 0;
  }
  return withCoarse({ count, dim, values: rows, rowFactor, norms, centre }, coarse);
}

/**
 * Makes a set straight from a `neighbours-*.bin` file, keeping its int8 values: the same cosines as
 * vectorSet(decodeInt8Rows(...)) to float rounding, in a quarter of the memory.
 */
export function int8VectorSet(
  bytes: Uint8Array,
  count: number,
  dim: number,
  centre: Float32Array | null = null,
  coarse?: CoarseOptions | false,
): VectorSet {
  const expected = count * 4 + count * dim;
  if (bytes.byteLength !== expected) {
    throw new Error(`vector file has ${bytes.byteLength} bytes; ${count} rows of ${dim} need ${expected}`);
  }
  checkCentre(centre, dim);
  const copy = bytes.slice(); // aligned, so the float32 view below is allowed
  const scales = new Float32Array(copy.buffer, 0, count);
  const values = new Int8Array(copy.buffer, count * 4, count * dim);
  const norms = new Float32Array(count);
  const rowFactor = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let ss = 0;
    for (let j = r * dim; j < (r + 1) * dim; j++) ss += values[j] * values[j];
    const stored = Math.sqrt(ss);
    norms[r] = Math.abs(scales[r]) * stored;
    // The cosine with the dequantised row (scale * values) is the same with the scale's sign, without its size.
    rowFactor[r] = norms[r] > 0 ? Math.sign(scales[r]) / stored : 0;
  }
  return withCoarse({ count, dim, values, rowFactor, norms, centre }, coarse);
}

/** The query as the set compares it: centred like the rows, then scaled to unit length (zero stays zero). */
export function unitQuery(set: Pick<VectorSet, 'dim' | 'centre'>, query: ArrayLike<number>): Float64Array {
  if (query.length !== set.dim) throw new Error(`query has ${query.length} numbers, the set has ${set.dim}`);
  const q = Float64Array.from(query, (x, j) => x - (set.centre ? set.centre[j] : 0));
  let ss = 0;
  for (const x of q) ss += x * x;
  const norm = Math.sqrt(ss);
  if (norm > 0) for (let j = 0; j < q.length; j++) q[j] /= norm;
  return q;
}

/** Dot product of every row (or of the listed rows) with q, times the row's factor. */
function exactScores(set: VectorSet, q: Float32Array, out: Float32Array, rows: Int32Array | null): void {
  const { dim, values, rowFactor } = set;
  const n = rows ? rows.length : set.count;
  // One loop per array type keeps each loop monomorphic, which V8 runs several times faster.
  if (values instanceof Int8Array) {
    for (let i = 0; i < n; i++) {
      const r = rows ? rows[i] : i;
      const base = r * dim;
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += values[base + j] * q[j];
      out[r] = dot * rowFactor[r];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const r = rows ? rows[i] : i;
      const base = r * dim;
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += values[base + j] * q[j];
      out[r] = dot * rowFactor[r];
    }
  }
}

/** Cosines of a query with a set's rows, and how they were found. */
export interface VectorScores {
  /** Cosine with every row; NaN for rows outside the shortlist of an approximate search. */
  readonly scores: Float32Array;
  /** Rows scored exactly: all of them, or the coarse index's shortlist. */
  readonly scored: number;
  readonly approximate: boolean;
}

/**
 * Cosine of the query with every row, in one pass over the flat array; with a coarse index, with the rows of
 * its shortlist only (the others NaN). A zero query or row scores 0.
 */
export function searchVectors(set: VectorSet, query: ArrayLike<number>): VectorScores {
  const q = Float32Array.from(unitQuery(set, query));
  const out = new Float32Array(set.count);
  if (!set.coarse) {
    exactScores(set, q, out, null);
    return { scores: out, scored: set.count, approximate: false };
  }
  out.fill(NaN);
  const rows = shortlist(set.coarse, q);
  exactScores(set, q, out, rows);
  return { scores: out, scored: rows.length, approximate: true };
}

/** Cosine of the query with every row (NaN outside the shortlist when the set has a coarse index). */
export const cosineScores = (set: VectorSet, query: ArrayLike<number>): Float32Array =>
  searchVectors(set, query).scores;

/** Cosine of two vectors; 0 when either is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cosine of vectors of ${a.length} and ${b.length} numbers`);
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}
