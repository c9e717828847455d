import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../runtime/prng';
import { buildCoarse, coarsePlan, shortlist, sketchQuery } from './coarseIndex';
import { searchVectors, vectorSet } from './vectors';

/** Seeded clustered rows: what a real embedding set looks like more than uniform noise does. */
function clustered(count: number, dim: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: dim }, gauss));
  const rows = new Float32Array(count * dim);
  for (let r = 0; r < count; r++) {
    const c = centres[Math.floor(rand() * centres.length)];
    for (let j = 0; j < dim; j++) rows[r * dim + j] = c[j] + 0.8 * gauss();
  }
  return rows;
}

describe('coarsePlan', () => {
  it('spreads the numbers over every bucket with both signs, the same for the same seed', () => {
    const o = { dim: 16, shortlist: 10, seed: 7 };
    const a = coarsePlan(1024, o);
    expect(new Set(a.bucket).size).toBe(16);
    expect(new Set(a.sign)).toEqual(new Set([-1, 1]));
    expect(coarsePlan(1024, o)).toEqual(a);
    expect(coarsePlan(1024, { ...o, seed: 8 }).bucket).not.toEqual(a.bucket);
  });
});

describe('sketch', () => {
  it('keeps a dot product on average (an unbiased estimate)', () => {
    const dim = 256;
    const x = clustered(2, dim, 1);
    const [a, b] = [x.subarray(0, dim), x.subarray(dim)];
    const exact = a.reduce((s, v, j) => s + v * b[j], 0);
    let sum = 0;
    const seeds = 200;
    for (let seed = 0; seed < seeds; seed++) {
      const index = buildCoarse(1, dim, (_, out) => out.set(a), { dim: 32, shortlist: 1, seed });
      const qb = sketchQuery(index, b);
      sum += index.rows.reduce((s, v, j) => s + v * qb[j], 0);
    }
    expect(Math.abs(sum / seeds - exact) / Math.abs(exact)).toBeLessThan(0.1);
  });
});

describe('approximate search', () => {
  const [count, dim] = [6000, 256];
  const rows = clustered(count, dim, 3);
  const exact = vectorSet(rows, count, dim, null, false);
  const approx = vectorSet(rows, count, dim, null, { dim: 64, shortlist: 600, seed: 11 });

  it('shortlists the requested number of distinct rows, in position order', () => {
    const list = shortlist(approx.coarse!, rows.subarray(0, dim));
    expect(list.length).toBe(600);
    expect(new Set(list).size).toBe(600);
    expect(Array.from(list)).toEqual([...list].sort((a, b) => a - b));
  });

  const top = (s: Float32Array, k: number) =>
    [...s.keys()]
      .filter((i) => !Number.isNaN(s[i]))
      .sort((x, y) => s[y] - s[x])
      .slice(0, k);

  it('finds most of the exact top 10, and scores what it finds exactly', () => {
    const rand = mulberry32(100);
    let found = 0;
    const queries = 20;
    for (let n = 0; n < queries; n++) {
      const row = Math.floor(rand() * count);
      const query = Float32Array.from({ length: dim }, (_, j) => rows[row * dim + j] + rand());
      const e = searchVectors(exact, query);
      const a = searchVectors(approx, query);
      expect(a).toMatchObject({ approximate: true, scored: 600 });
      const want = new Set(top(e.scores, 10));
      found += top(a.scores, 10).filter((i) => want.has(i)).length;
      for (const i of top(a.scores, 10)) expect(a.scores[i]).toBeCloseTo(e.scores[i], 5);
    }
    // Clusters of 300 near-equal rows are the hard case for a sketch; the real sets are less crowded.
    expect(found / (10 * queries)).toBeGreaterThan(0.6);
  });

  it('scores every row exactly below the threshold', () => {
    expect(searchVectors(exact, rows.subarray(0, dim))).toMatchObject({ approximate: false, scored: count });
  });
});
