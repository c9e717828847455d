import { describe, expect, it } from 'vitest';
import { KvCache } from './kvCache';

const ROW = [2, 3]; // 6 values a position
const positions = (count: number, value: number) => new Float32Array(count * 6).fill(value);

describe('KvCache', () => {
  it.each([
    ['one prefill', [5], 5],
    ['a prefill and steps', [3, 1, 1, 1], 6],
    ['steps past the first doubling', Array.from({ length: 70 }, () => 1), 70],
  ])('%s: views hold every appended position in order, position-major', (_, counts, total) => {
    const cache = new KvCache(['k', 'v'], ROW, 100);
    counts.forEach((c, step) => cache.append(c, (name) => positions(c, name === 'k' ? step + 1 : -(step + 1))));
    expect(cache.length).toBe(total);
    const [[kName, k, kDims], [, v]] = cache.views();
    expect([kName, kDims]).toEqual(['k', [total, 2, 3]]);
    const expected = counts.flatMap((c, step) => new Array<number>(c * 6).fill(step + 1));
    expect(Array.from(k)).toEqual(expected);
    expect(Array.from(v)).toEqual(expected.map((x) => -x));
  });

  it('starts empty', () => {
    const [[, data, dims]] = new KvCache(['k'], ROW, 10).views();
    expect([data.length, dims]).toEqual([0, [0, 2, 3]]);
  });

  it.each([
    ['past its capacity', 11, 11 * 6, /holds 10 positions; 11 asked/],
    ['with the wrong number of values', 2, 7, /7 values for 2 positions of 6/],
  ])('refuses an append %s', (_, count, values, error) => {
    const cache = new KvCache(['k'], ROW, 10);
    expect(() => cache.append(count, () => new Float32Array(values))).toThrow(error);
  });
});
