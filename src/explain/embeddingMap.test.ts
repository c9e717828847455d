import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../runtime/prng';
import {
  buildEmbeddingMap,
  fixSign,
  mapProblem,
  MAP_VERSION,
  principalAxes,
  projectPoint,
  projectRows,
} from './embeddingMap';

/** Standard normal draws from a seeded generator (Box-Muller). */
function gaussian(seed: number): () => number {
  const random = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const unit = (v: number[]): number[] => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

/** |cos| of two vectors: 1 when they lie on the same line. */
const alignment = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i] * b[i];
  return Math.abs(d);
};

/**
 * Rows spread along orthogonal directions with the given standard deviations, plus an offset: the principal
 * axes are the directions (in order of spread) and the variances the squared spreads.
 */
function anisotropic(count: number, offset: number[], spreads: { dir: number[]; sd: number }[], seed: number) {
  const draw = gaussian(seed);
  const dim = offset.length;
  const rows = new Float32Array(count * dim);
  for (let r = 0; r < count; r++) {
    const row = [...offset];
    for (const { dir, sd } of spreads) {
      const t = draw() * sd;
      for (let j = 0; j < dim; j++) row[j] += t * dir[j];
    }
    rows.set(row, r * dim);
  }
  return rows;
}

describe('principalAxes', () => {
  it.each([
    { name: 'x axis', dir: [1, 0, 0], offset: [5, -2, 1] },
    { name: 'diagonal', dir: unit([1, 1, 0]), offset: [0, 0, 0] },
    { name: 'negative-leaning diagonal', dir: unit([-3, 1, 2]), offset: [10, 10, 10] },
  ])('finds the line points lie on: $name', ({ dir, offset }) => {
    const ts = [-2, -1, 0, 0.5, 1, 3];
    const rows = new Float32Array(ts.flatMap((t) => offset.map((o, j) => o + t * dir[j])));
    const pca = principalAxes(rows, ts.length, 3, 2);
    const mean = ts.reduce((a, b) => a + b) / ts.length;
    const variance = ts.reduce((a, t) => a + (t - mean) ** 2, 0) / (ts.length - 1);
    expect(alignment(pca.axes[0], dir)).toBeCloseTo(1, 6);
    expect(pca.variance[0]).toBeCloseTo(variance, 4);
    expect(pca.variance[1]).toBeCloseTo(0, 4);
    expect(pca.totalVariance).toBeCloseTo(variance, 4);
    expect(Array.from(pca.mean)).toEqual(offset.map((o, j) => expect.closeTo(o + mean * dir[j], 5)));
    // Largest-magnitude component positive.
    const big = pca.axes[0].reduce((b, x, i, a) => (Math.abs(x) > Math.abs(a[b]) ? i : b), 0);
    expect(pca.axes[0][big]).toBeGreaterThan(0);
  });

  it.each([
    { seed: 1, main: unit([2, 1, 0, 0, 0]), second: unit([-1, 2, 0, 0, 0]), sds: [5, 2] },
    { seed: 2, main: [0, 0, 0, 1, 0], second: unit([1, 0, 1, 0, 0]), sds: [3, 1] },
    { seed: 3, main: unit([1, -1, 1, -1, 1]), second: unit([1, 1, 0, 1, 1]), sds: [4, 3] },
  ])('recovers the main and second axes of an anisotropic Gaussian (seed $seed)', ({ seed, main, second, sds }) => {
    const count = 4000;
    const rows = anisotropic(
      count,
      [1, 2, 3, 4, 5],
      [
        { dir: main, sd: sds[0] },
        { dir: second, sd: sds[1] },
        { dir: unit([0, 0, 1, 0, -1]), sd: 0.3 },
      ],
      seed,
    );
    const pca = principalAxes(rows, count, 5, 2);
    expect(alignment(pca.axes[0], main)).toBeGreaterThan(0.999);
    expect(alignment(pca.axes[1], second)).toBeGreaterThan(0.99);
    expect(alignment(pca.axes[0], pca.axes[1])).toBeLessThan(1e-9);
    expect(pca.variance[0] / sds[0] ** 2).toBeCloseTo(1, 1);
    expect(pca.variance[1] / sds[1] ** 2).toBeCloseTo(1, 1);
    expect(pca.variance[0] + pca.variance[1]).toBeLessThanOrEqual(pca.totalVariance);
    expect(pca.iterations.every((n) => n < 20_000)).toBe(true);
  });

  it('is deterministic and independent of the start seed up to its sign convention', () => {
    const rows = anisotropic(500, [0, 0, 0, 0], [{ dir: unit([1, 2, -3, 1]), sd: 2 }], 9);
    const a = principalAxes(rows, 500, 4, 2);
    const b = principalAxes(rows, 500, 4, 2);
    const c = principalAxes(rows, 500, 4, 2, { seed: 77 });
    expect(Array.from(a.axes[0])).toEqual(Array.from(b.axes[0]));
    for (let j = 0; j < 4; j++) expect(c.axes[0][j]).toBeCloseTo(a.axes[0][j], 6);
  });

  it.each([
    { name: 'no rows', count: 0, dim: 2, components: 1 },
    { name: 'too many components', count: 2, dim: 2, components: 3 },
  ])('rejects $name', ({ count, dim, components }) => {
    expect(() => principalAxes(new Float32Array(count * dim), count, dim, components)).toThrow();
  });
});

describe('fixSign', () => {
  it.each([
    { v: [0.1, -0.9, 0.3], out: [-0.1, 0.9, -0.3] },
    { v: [0.6, -0.8], out: [-0.6, 0.8] },
    { v: [0.5, -0.5], out: [0.5, -0.5] }, // tie: the first wins
    { v: [-1, 0], out: [1, 0] },
  ])('makes the largest-magnitude component positive: $v', ({ v, out }) => {
    expect(Array.from(fixSign(Float64Array.from(v)))).toEqual(out);
  });
});

describe('projectRows', () => {
  it('subtracts the mean and dots with each axis', () => {
    const rows = new Float32Array([1, 2, 3, 4]);
    const out = projectRows(rows, 2, 2, { mean: [1, 1], axes: [[1, 0], unit([1, 1])] });
    expect(Array.from(out)).toEqual([0, expect.closeTo(Math.SQRT1_2, 9), 2, expect.closeTo(5 * Math.SQRT1_2, 9)]);
  });
});

describe('buildEmbeddingMap and projectPoint', () => {
  const count = 300;
  const dim = 6;
  const centre = [0.5, -1, 2, 0, 0.25, -0.75];
  const rows = anisotropic(
    count,
    [0, 0, 0, 0, 0, 0],
    [
      { dir: unit([1, 1, 0, 0, 0, 1]), sd: 3 },
      { dir: unit([0, 0, 1, -1, 0, 0]), sd: 1.5 },
      { dir: unit([1, -1, 0, 0, 1, 0]), sd: 0.5 },
    ],
    4,
  );
  const map = buildEmbeddingMap({ rows, count, dim, centre, idsFnv1a: 'abcd0123', file: 'm.bin', sha256: 'ff' });

  it('writes rounded, deterministic coordinates for every row', () => {
    expect(map.coords).toHaveLength(count * 2);
    expect(map.coords.every((x) => Math.round(x * 1e4) / 1e4 === x)).toBe(true);
    expect(
      JSON.stringify(
        buildEmbeddingMap({ rows, count, dim, centre, idsFnv1a: 'abcd0123', file: 'm.bin', sha256: 'ff' }),
      ),
    ).toBe(JSON.stringify(map));
    expect(map.explainedVariance[0]).toBeGreaterThan(map.explainedVariance[1]);
    expect(map.explainedVariance[0] + map.explainedVariance[1]).toBeLessThanOrEqual(1);
  });

  it.each([0, 1, 17, 299])('places catalogue row %i, given raw, at its shipped coordinates', (i) => {
    const raw = Array.from(rows.subarray(i * dim, (i + 1) * dim), (x, j) => x + centre[j]);
    const [x, y] = projectPoint(map, raw);
    expect(x).toBeCloseTo(map.coords[2 * i], 4);
    expect(y).toBeCloseTo(map.coords[2 * i + 1], 4);
  });

  it('rejects a query of the wrong length', () => {
    expect(() => projectPoint(map, [1, 2, 3])).toThrow(/3 numbers/);
  });

  it.each([
    { name: 'matching', fnv: 'abcd0123', n: count, problem: null },
    { name: 'another catalogue', fnv: '00000000', n: count, problem: /another catalogue.*catalogue:map/ },
    { name: 'another size', fnv: 'abcd0123', n: 10, problem: /another catalogue/ },
  ])('mapProblem: $name', ({ fnv, n, problem }) => {
    const got = mapProblem(map, fnv, n);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });

  it('mapProblem: another version', () => {
    expect(mapProblem({ ...map, version: MAP_VERSION + 1 }, 'abcd0123', count)).toMatch(/version/);
  });
});
