/**
 * The embedding map: the catalogue's music embeddings projected onto their first principal components, computed
 * once by `npm run catalogue:map` and shipped as public/corpus/embedding-map.json. Pure: typed arrays in, plain
 * numbers out, so the pipeline, the tests and the browser share the arithmetic (and a generation is placed with
 * exactly the projection the catalogue got).
 */
import { mulberry32 } from '../runtime/prng';

export const MAP_VERSION = 1;
export const MAP_COMMAND = 'npm run catalogue:map';
/** Decimals kept in the shipped file; the coordinates are recomputed from the rounded mean and axes. */
const COORD_DECIMALS = 4;
const AXIS_DECIMALS = 7;

export interface PrincipalAxes {
  /** Mean of the rows (dim). */
  readonly mean: Float64Array;
  /** One unit vector per component (components x dim), largest variance first. */
  readonly axes: readonly Float64Array[];
  /** Variance of the rows along each axis (the covariance eigenvalue, divided by count - 1). */
  readonly variance: readonly number[];
  /** Trace of the covariance: the variance summed over every dimension. */
  readonly totalVariance: number;
  /** Power iterations each axis took (the cap when it did not converge). */
  readonly iterations: readonly number[];
}

export interface PowerIterationOptions {
  /** Stop when the axis turns by less than this between iterations (1 - |cos|). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** Seeds the start vector, so the result never depends on chance. */
  readonly seed?: number;
}

/** Covariance of the rows about their mean, (dim x dim) row-major, divided by count - 1 (or 1 for one row). */
function covariance(rows: Float32Array, count: number, dim: number, mean: Float64Array): Float64Array {
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < dim; j++) centred[j] = rows[r * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      for (let b = a; b < dim; b++) cov[a * dim + b] += ca * centred[b];
    }
  }
  const scale = 1 / Math.max(1, count - 1);
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      cov[a * dim + b] *= scale;
      cov[b * dim + a] = cov[a * dim + b];
    }
  }
  return cov;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Scales to unit length in place; returns the length before. */
function normalise(v: Float64Array): number {
  const n = Math.sqrt(dot(v, v));
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return n;
}

/** Sign convention: the component with the largest magnitude (first on a tie) is positive. */
export function fixSign(v: Float64Array): Float64Array {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
  if (v[best] < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i] || 0;
  return v;
}

/**
 * The first `components` principal axes of `count` rows of `dim` numbers (flat, row-major), by power iteration
 * on the covariance with deflation. Each iterate is also kept orthogonal to the axes already found, which keeps
 * a near-zero remainder from drifting back onto them. Deterministic: seeded start vector, fixed sign.
 */
export function principalAxes(
  rows: Float32Array,
  count: number,
  dim: number,
  components = 2,
  options: PowerIterationOptions = {},
): PrincipalAxes {
  const { tolerance = 1e-13, maxIterations = 20_000, seed = 1 } = options;
  if (count < 1) throw new Error('principal axes of no rows');
  if (rows.length !== count * dim) throw new Error(`expected ${count * dim} numbers, got ${rows.length}`);
  if (components < 1 || components > dim) throw new Error(`components must be from 1 to ${dim}; got ${components}`);
  const mean = new Float64Array(dim);
  for (let r = 0; r < count; r++) for (let j = 0; j < dim; j++) mean[j] += rows[r * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= count;
  const cov = covariance(rows, count, dim, mean);
  let totalVariance = 0;
  for (let j = 0; j < dim; j++) totalVariance += cov[j * dim + j];

  const random = mulberry32(seed);
  const axes: Float64Array[] = [];
  const variance: number[] = [];
  const iterations: number[] = [];
  for (let c = 0; c < components; c++) {
    let v = Float64Array.from({ length: dim }, () => random() - 0.5);
    const orthogonalise = (x: Float64Array) => {
      for (const a of axes) {
        const p = dot(x, a);
        for (let j = 0; j < dim; j++) x[j] -= p * a[j];
      }
    };
    orthogonalise(v);
    normalise(v);
    let lambda = 0;
    let it = 0;
    while (it < maxIterations) {
      it++;
      const next = new Float64Array(dim);
      for (let a = 0; a < dim; a++) next[a] = dot(cov.subarray(a * dim, (a + 1) * dim), v);
      orthogonalise(next);
      lambda = normalise(next);
      if (lambda === 0) break; // nothing left: every direction has zero variance
      const turn = 1 - Math.abs(dot(next, v));
      v = next;
      if (turn < tolerance) break;
    }
    fixSign(v);
    // Rayleigh quotient: the variance along the final axis (exact even when the loop stopped at the cap).
    const cv = new Float64Array(dim);
    for (let a = 0; a < dim; a++) cv[a] = dot(cov.subarray(a * dim, (a + 1) * dim), v);
    lambda = Math.max(0, dot(v, cv));
    // Deflate, so the next power iteration finds the next-largest direction.
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a * dim + b] -= lambda * v[a] * v[b];
    axes.push(v);
    variance.push(lambda);
    iterations.push(it);
  }
  return { mean, axes, variance, totalVariance, iterations };
}

/** The projection a map needs: subtract the mean, dot with each axis. */
export interface Projection {
  readonly mean: ArrayLike<number>;
  readonly axes: readonly ArrayLike<number>[];
}

/** Coordinates of every row, flat (count x components): [x0, y0, x1, y1, ...] for two components. */
export function projectRows(rows: Float32Array, count: number, dim: number, projection: Projection): Float64Array {
  const { mean, axes } = projection;
  if (rows.length !== count * dim) throw new Error(`expected ${count * dim} numbers, got ${rows.length}`);
  if (mean.length !== dim) throw new Error(`mean has ${mean.length} numbers, rows have ${dim}`);
  const k = axes.length;
  const out = new Float64Array(count * k);
  const centred = new Float64Array(dim);
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < dim; j++) centred[j] = rows[r * dim + j] - mean[j];
    for (let c = 0; c < k; c++) out[r * k + c] = dot(centred, axes[c]);
  }
  return out;
}

/** public/corpus/embedding-map.json. */
export interface EmbeddingMapFile {
  readonly version: number;
  readonly command: string;
  /** What was computed, in words, for the panel's caption and the curious. */
  readonly method: string;
  readonly count: number;
  /** idsFnv1a of the catalogue ids the rows follow (coords[2i], coords[2i+1] is entry i). */
  readonly idsFnv1a: string;
  readonly source: { readonly file: string; readonly sha256: string };
  readonly dim: number;
  /** Subtracted from the raw embeddings before they were stored (the neighbour index's centre). */
  readonly centre: readonly number[];
  /** Mean of the stored (centred) rows, subtracted before projecting. */
  readonly mean: readonly number[];
  /** Two unit axes of `dim` numbers. */
  readonly axes: readonly (readonly number[])[];
  /** Share of the total variance along each axis. */
  readonly explainedVariance: readonly number[];
  readonly iterations: readonly number[];
  /** [x0, y0, x1, y1, ...], rounded to 4 decimals. */
  readonly coords: readonly number[];
}

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f || 0; // `|| 0` turns -0 into 0
};

export interface MapSource {
  /** The stored rows: the raw embeddings minus `centre`. */
  readonly rows: Float32Array;
  readonly count: number;
  readonly dim: number;
  readonly centre: readonly number[];
  readonly idsFnv1a: string;
  readonly file: string;
  readonly sha256: string;
}

/** The whole map file from the stored rows. Deterministic: the same bytes in give the same JSON out. */
export function buildEmbeddingMap(src: MapSource): EmbeddingMapFile {
  const pca = principalAxes(src.rows, src.count, src.dim, 2);
  const mean = Array.from(pca.mean, (x) => round(x, AXIS_DECIMALS));
  const axes = pca.axes.map((a) => Array.from(a, (x) => round(x, AXIS_DECIMALS)));
  const coords = Array.from(projectRows(src.rows, src.count, src.dim, { mean, axes }), (x) => round(x, COORD_DECIMALS));
  return {
    version: MAP_VERSION,
    command: MAP_COMMAND,
    method:
      `principal component analysis of the ${src.count} catalogue music embeddings (${src.file}, int8-decoded, ` +
      `${src.dim} numbers each): covariance about the mean, top two eigenvectors by power iteration with ` +
      'deflation from a seeded start, each signed so its largest-magnitude entry is positive',
    count: src.count,
    idsFnv1a: src.idsFnv1a,
    source: { file: src.file, sha256: src.sha256 },
    dim: src.dim,
    centre: [...src.centre],
    mean,
    axes,
    explainedVariance: pca.variance.map((v) => round(pca.totalVariance > 0 ? v / pca.totalVariance : 0, 6)),
    iterations: [...pca.iterations],
    coords,
  };
}

/**
 * Places a raw query embedding (a generation's mean decoder hidden state) on the map: subtract the index's
 * centre as the catalogue rows had it subtracted, then project like them. Returns [x, y].
 */
export function projectPoint(
  map: Pick<EmbeddingMapFile, 'dim' | 'mean' | 'axes' | 'centre'>,
  rawQuery: ArrayLike<number>,
  centre: ArrayLike<number> = map.centre,
): [number, number] {
  if (rawQuery.length !== map.dim) throw new Error(`the query has ${rawQuery.length} numbers, the map ${map.dim}`);
  if (centre.length !== map.dim) throw new Error(`the centre has ${centre.length} numbers, the map ${map.dim}`);
  const q = Float64Array.from(rawQuery, (x, j) => x - centre[j] - map.mean[j]);
  return [dot(q, map.axes[0]), dot(q, map.axes[1])];
}

/** Why the map cannot be drawn over this catalogue (null when it can). */
export function mapProblem(
  map: Pick<EmbeddingMapFile, 'version' | 'count' | 'idsFnv1a' | 'coords'>,
  catalogueFnv1a: string,
  catalogueCount: number,
): string | null {
  const rebuild = `; rebuild it with: ${MAP_COMMAND}`;
  if (map.version !== MAP_VERSION) return `embedding map version ${map.version}, expected ${MAP_VERSION}${rebuild}`;
  if (map.coords.length !== map.count * 2)
    return `the embedding map has ${map.coords.length} coordinates for ${map.count} tunes${rebuild}`;
  if (map.count !== catalogueCount || map.idsFnv1a !== catalogueFnv1a)
    return `the embedding map was built for another catalogue (${map.count} tunes, ids ${map.idsFnv1a}; this one has ${catalogueCount}, ids ${catalogueFnv1a})${rebuild}`;
  return null;
}
