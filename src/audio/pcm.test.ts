import { describe, expect, test } from 'vitest';
import { rms } from './pcm';

const sine = (periods: number, perPeriod: number, amplitude: number) =>
  Float32Array.from({ length: periods * perPeriod }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / perPeriod));

describe('rms', () => {
  test.each([
    ['empty', new Float32Array(0), 0],
    ['silence', new Float32Array(100), 0],
    ['constant 0.5', new Float32Array(10).fill(0.5), 0.5],
    ['square +-1', Float32Array.from([1, -1, 1, -1]), 1],
    ['full-scale sine', sine(4, 100, 1), Math.SQRT1_2],
    ['quiet sine', sine(3, 64, 0.01), 0.01 * Math.SQRT1_2],
  ])('%s', (_, samples, expected) => {
    expect(rms(samples)).toBeCloseTo(expected, 6);
  });
});
