/** Exact fractions for note durations, so bar sums never drift the way floats do. */
export interface Rational {
  readonly n: number;
  readonly d: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

export function rat(n: number, d = 1): Rational {
  if (d === 0) throw new RangeError('zero denominator');
  const sign = d < 0 ? -1 : 1;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const ZERO = rat(0);
export const ONE = rat(1);

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const cmp = (a: Rational, b: Rational): number => a.n * b.d - b.n * a.d;
export const eq = (a: Rational, b: Rational): boolean => cmp(a, b) === 0;
export const toNumber = (a: Rational): number => a.n / a.d;

/** ABC length suffix for a multiple of the unit note length: 1 → "", 2 → "2", 1/2 → "/2", 3/2 → "3/2". */
export function formatLength(r: Rational): string {
  if (r.d === 1) return r.n === 1 ? '' : String(r.n);
  return r.n === 1 ? `/${r.d}` : `${r.n}/${r.d}`;
}

/** Parses an ABC length suffix ("", "2", "/", "//", "/2", "3/2"). Returns null if malformed. */
export function parseLength(s: string): Rational | null {
  if (s === '') return ONE;
  const m = /^(\d*)(\/*)(\d*)$/.exec(s);
  if (!m) return null;
  const [, num, slashes, den] = m;
  const n = num ? Number(num) : 1;
  if (!slashes) return den ? null : rat(n);
  if (den) return slashes.length === 1 ? rat(n, Number(den)) : null;
  return rat(n, 2 ** slashes.length);
}
