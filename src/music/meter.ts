import { rat, type Rational } from './rational';

/** A time signature as written, e.g. 6/8. */
export interface Meter {
  readonly num: number;
  readonly den: number;
}

/** Parses an M: field. "C" is 4/4 and "C|" is 2/2. Returns null for free meter or anything unusual. */
export function parseMeter(field: string): Meter | null {
  const text = field.replace(/%.*/, '').trim();
  if (text === 'C') return { num: 4, den: 4 };
  if (text === 'C|') return { num: 2, den: 2 };
  const m = /^(\d{1,2})\s*\/\s*(\d{1,2})$/.exec(text);
  if (!m) return null;
  const meter = { num: Number(m[1]), den: Number(m[2]) };
  return meter.num > 0 && [2, 4, 8, 16].includes(meter.den) ? meter : null;
}

export const meterToken = (m: Meter): string => `M:${m.num}/${m.den}`;

export function meterFromToken(token: string): Meter | null {
  const m = /^M:(\d+)\/(\d+)$/.exec(token);
  return m ? { num: Number(m[1]), den: Number(m[2]) } : null;
}

/** Bar length measured in units of the given unit note length (e.g. 6/8 in eighths is 6). */
export const barLength = (m: Meter, unit: Rational): Rational => rat(m.num * unit.d, m.den * unit.n);

/** Length of one beat group in the same units: dotted quarters for compound meters, else 1/den. */
export function beatLength(m: Meter, unit: Rational): Rational {
  const compound = m.den === 8 && m.num % 3 === 0 && m.num > 3;
  return compound ? rat(3 * unit.d, 8 * unit.n) : rat(unit.d, m.den * unit.n);
}
