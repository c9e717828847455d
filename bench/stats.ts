/** Medians and spreads of repeated timings. */

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export function spread(runs: readonly number[]): Spread {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** Mean of the last n values over the mean of the first n: how much slower late steps are than early ones. */
export function lateOverEarly(xs: readonly number[], n: number): number {
  if (xs.length < 2 * n) return NaN;
  return mean(xs.slice(-n)) / mean(xs.slice(0, n));
}

/** The same with medians, which a few steps slowed by other jobs on the machine barely move. */
export function lateOverEarlyMedian(xs: readonly number[], n: number): number {
  if (xs.length < 2 * n) return NaN;
  return median(xs.slice(-n)) / median(xs.slice(0, n));
}

/** The q-quantile (0..1) by the nearest-rank method: the smallest value with at least q of the values at or below it. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
