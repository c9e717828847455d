import { describe, expect, it } from 'vitest';
import { barLength, beatLength, meterFromToken, meterToken, parseMeter } from './meter';
import { rat } from './rational';

describe('parseMeter', () => {
  it.each([
    ['C', { num: 4, den: 4 }],
    ['C|', { num: 2, den: 2 }],
    ['6/8', { num: 6, den: 8 }],
    ['3/4', { num: 3, den: 4 }],
    ['12/8', { num: 12, den: 8 }],
    [' 2 / 4 ', { num: 2, den: 4 }],
    ['9/8 % slip jig', { num: 9, den: 8 }],
    ['5/4', { num: 5, den: 4 }],
  ])('M:%s', (field, meter) => {
    expect(parseMeter(field)).toEqual(meter);
  });

  it.each(['none', '', '0/4', '3/5', '6/8+3/8', '2+3/8', '100/4', 'C||'])('M:%s is not modelled', (field) => {
    expect(parseMeter(field)).toBeNull();
  });
});

describe('meter tokens and lengths', () => {
  it('round-trips tokens', () => {
    expect(meterToken({ num: 6, den: 8 })).toBe('M:6/8');
    expect(meterFromToken('M:6/8')).toEqual({ num: 6, den: 8 });
    expect(meterFromToken('K:Dmaj')).toBeNull();
  });

  it.each([
    ['4/4', rat(1, 8), rat(8)],
    ['6/8', rat(1, 8), rat(6)],
    ['2/4', rat(1, 16), rat(8)],
    ['3/2', rat(1, 8), rat(12)],
  ])('a bar of %s in units of %o is %o', (m, unit, len) => {
    expect(barLength(parseMeter(m)!, unit)).toEqual(len);
  });

  it.each([
    ['6/8', rat(3)], // compound: a dotted quarter
    ['9/8', rat(3)],
    ['3/8', rat(1)], // not compound
    ['4/4', rat(2)],
    ['2/2', rat(4)],
  ])('a beat of %s is %o eighths', (m, len) => {
    expect(beatLength(parseMeter(m)!, rat(1, 8))).toEqual(len);
  });
});
