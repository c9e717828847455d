/**
 * Flat vector sets for the neighbour measures: the catalogue's precomputed embeddings and gradient sketches,
 * decoded from `npm run catalogue:index`'s int8 files and scored against a query in one pass.
 */

/** `count` rows of `dim` numbers, each scaled to unit length (zero rows stay zero), in one flat array. */
export interface VectorSet {
  readonly count: number;
  readonly dim: number;
  /** count * dim, row-major, unit rows. */
  readonly unit: Float32Array;
  /** Length of each row before it was scaled (after centring). */
  readonly norms: Float32Array;
  /** Subtracted from every row and every query before the cosine (the catalogue mean), or null. */
  readonly centre: Float32Array | null;
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

/** Makes a set from raw rows (already centred, as the index stores them); `centre` is kept for queries. */
export function vectorSet(
  rows: Float32Array,
  count: number,
  dim: number,
  centre: Float32Array | null = null,
): VectorSet {
  if (rows.length !== count * dim) throw new Error(`expected ${count * dim} numbers, got ${rows.length}`);
  if (centre && centre.length !== dim) throw new Error(`centre has ${centre.length} numbers, rows have ${dim}`);
  const unit = new Float32Array(rows.length);
  const norms = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let ss = 0;
    for (let j = r * dim; j < (r + 1) * dim; j++) ss += rows[j] * rows[j];
    const norm = Math.sqrt(ss);
    norms[r] = norm;
    if (norm > 0) for (let j = r * dim; j < (r + 1) * dim; j++) unit[j] = rows[j] / norm;
  }
  return { count, dim, unit, norms, centre };
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

/** Cosine of the query with every row, in one pass over the flat array. A zero query or row scores 0. */
export function cosineScores(set: VectorSet, query: ArrayLike<number>): Float32Array {
  const q = unitQuery(set, query);
  const { count, dim, unit } = set;
  const out = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let dot = 0;
    const base = r * dim;
    for (let j = 0; j < dim; j++) dot += unit[base + j] * q[j];
    out[r] = dot;
  }
  return out;
}

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
