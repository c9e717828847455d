import { describe, expect, it } from 'vitest';
import { KvCache, MIN_ROOM } from './kvCache';

const ROW = [2, 3, 2] as const; // B = 2, H = 3, dh = 2: 6 blocks of 2 values a position
const BLOCKS = 6;
const HEAD = 2;

/** New values, (B, H, count, dh), each tagged by block, step and position: block * 1000 + step * 10 + position. */
function fresh(count: number, step: number, sign: number): Float32Array {
  const out = new Float32Array(BLOCKS * count * HEAD);
  for (let b = 0; b < BLOCKS; b++)
    for (let p = 0; p < count; p++)
      out.fill(sign * (b * 1000 + step * 10 + p), (b * count + p) * HEAD, (b * count + p + 1) * HEAD);
  return out;
}

/** The filled positions of each block, in order, from a view of the whole room. */
function filled(data: Float32Array, room: number, length: number): number[][] {
  return Array.from({ length: BLOCKS }, (_, b) => Array.from({ length }, (_, p) => data[(b * room + p) * HEAD]));
}

describe('KvCache', () => {
  it.each<[string, number[], number, number]>([
    ['nothing appended: one unfilled position', [], 0, 1],
    ['one prefill', [5], 5, MIN_ROOM],
    ['a prefill and steps', [3, 1, 1, 1], 6, MIN_ROOM],
    ['steps past two doublings', Array.from({ length: 40 }, () => 1), 40, 4 * MIN_ROOM],
    ['a prefill longer than the smallest room: room for it exactly', [MIN_ROOM + 3], MIN_ROOM + 3, MIN_ROOM + 3],
    ['room never beyond the capacity', Array.from({ length: 100 }, () => 1), 100, 100],
  ])('%s: every appended position in order in its block, head-major', (_, counts, total, room) => {
    const cache = new KvCache(['k', 'v'], ROW, 100);
    counts.forEach((c, step) => cache.append(c, (name) => fresh(c, step, name === 'k' ? 1 : -1)));
    expect(cache.length).toBe(total);
    const [[kName, k, kDims], [, v]] = cache.views();
    expect([kName, kDims]).toEqual(['k', [2, 3, room, HEAD]]);
    const expected = Array.from({ length: BLOCKS }, (_, b) =>
      counts.flatMap((c, step) => Array.from({ length: c }, (_, p) => b * 1000 + step * 10 + p)),
    );
    expect(filled(k, room, total)).toEqual(expected);
    expect(filled(v, room, total)).toEqual(expected.map((block) => block.map((x) => -x)));
  });

  it.each([
    ['past its capacity', 11, BLOCKS * 11 * HEAD, /holds 10 positions; 11 asked/],
    ['with the wrong number of values', 2, 7, /7 values for 2 positions of 12/],
  ])('refuses an append %s', (_, count, values, error) => {
    const cache = new KvCache(['k'], ROW, 10);
    expect(() => cache.append(count, () => new Float32Array(values))).toThrow(error);
  });
});
