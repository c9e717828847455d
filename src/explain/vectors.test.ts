import { describe, expect, it } from 'vitest';
import { cosine, cosineScores, decodeInt8Rows, int8VectorSet, unitQuery, vectorSet } from './vectors';

const rows = (...r: number[][]) => Float32Array.from(r.flat());

describe('cosineScores', () => {
  const set = vectorSet(rows([1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 0]), 4, 3);

  it.each([
    ['an identical row scores 1', [2, 0, 0], 0, 1],
    ['an orthogonal row scores 0', [2, 0, 0], 1, 0],
    ['a 45-degree row scores 1/sqrt(2)', [2, 0, 0], 2, Math.SQRT1_2],
    ['a zero row scores 0', [2, 0, 0], 3, 0],
    ['a zero query scores 0', [0, 0, 0], 0, 0],
  ])('%s', (_, query, row, expected) => {
    expect(cosineScores(set, query)[row]).toBeCloseTo(expected, 6);
  });

  it('keeps the row lengths', () => {
    expect(Array.from(set.norms)).toEqual([1, 1, Math.fround(Math.SQRT2), 0]);
  });

  it('centres the query as the rows were centred', () => {
    const centred = vectorSet(rows([1, 0], [0, 1]), 2, 2, Float32Array.of(10, 10));
    expect(Array.from(unitQuery(centred, [11, 10]))).toEqual([1, 0]);
    expect(cosineScores(centred, [11, 10])[0]).toBeCloseTo(1, 6);
    expect(cosineScores(centred, [11, 10])[1]).toBeCloseTo(0, 6);
  });

  it('rejects a query of the wrong length', () => {
    expect(() => cosineScores(set, [1, 0])).toThrow(/2 numbers/);
  });
});

describe('decodeInt8Rows', () => {
  it('reads float32 scales then int8 values', () => {
    const bytes = new Uint8Array(2 * 4 + 2 * 3);
    new Float32Array(bytes.buffer, 0, 2).set([0.5, 2]);
    new Int8Array(bytes.buffer, 8, 6).set([1, -2, 127, 0, 3, -127]);
    expect(Array.from(decodeInt8Rows(bytes, 2, 3))).toEqual([0.5, -1, 63.5, 0, 6, -254]);
  });

  it('rejects a file of the wrong size', () => {
    expect(() => decodeInt8Rows(new Uint8Array(5), 2, 3)).toThrow(/need 14/);
  });
});

describe('cosine', () => {
  it('is 0 for orthogonal and zero vectors, 1 for parallel ones', () => {
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [0, 3])).toBe(0);
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
  });
});

describe('int8VectorSet', () => {
  /** A neighbours-*.bin file: float32 scales, then int8 values. */
  const file = (scales: number[], values: number[]) => {
    const bytes = new Uint8Array(scales.length * 4 + values.length);
    new Float32Array(bytes.buffer, 0, scales.length).set(scales);
    new Int8Array(bytes.buffer, scales.length * 4, values.length).set(values);
    return bytes;
  };
  const bytes = file([0.5, -2, 1, 3], [1, -2, 127, 0, 3, -127, 0, 0, 0, 5, 5, 5]);

  it.each([
    ['one query', [1, 2, 3]],
    ['a query with negatives', [-4, 0.5, 2]],
    ['a zero query', [0, 0, 0]],
  ])('scores %s as the dequantised float rows do', (_, query) => {
    const centre = Float32Array.of(0.1, -0.2, 0.3);
    const int8 = int8VectorSet(bytes, 4, 3, centre);
    const float = vectorSet(decodeInt8Rows(bytes, 4, 3), 4, 3, centre);
    const a = cosineScores(int8, query);
    const b = cosineScores(float, query);
    for (let r = 0; r < 4; r++) expect(a[r]).toBeCloseTo(b[r], 6);
    expect(Array.from(int8.norms)).toEqual(Array.from(float.norms));
  });

  it('keeps the int8 values instead of floats', () => {
    expect(int8VectorSet(bytes, 4, 3).values).toBeInstanceOf(Int8Array);
  });

  it('rejects a file of the wrong size', () => {
    expect(() => int8VectorSet(new Uint8Array(5), 2, 3)).toThrow(/need 14/);
  });
});
