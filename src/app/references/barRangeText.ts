/** The bar range typed in two fields (or picked on a score): both empty takes the default range. */
import type { BarRange } from '../../music/excerpt';

export interface RangeText {
  readonly first: string;
  readonly last: string;
}

export const NO_RANGE: RangeText = { first: '', last: '' };

export type RangeReading =
  { readonly ok: true; readonly range: BarRange | null } | { readonly ok: false; readonly reason: string };

export function readRange({ first, last }: RangeText): RangeReading {
  const a = first.trim();
  const b = last.trim();
  if (a === '' && b === '') return { ok: true, range: null };
  const from = Number(a === '' ? b : a);
  const to = Number(b === '' ? a : b);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1)
    return { ok: false, reason: 'Bars are whole numbers counted from 1.' };
  if (to < from) return { ok: false, reason: `Bars ${from}-${to} end before they begin.` };
  return { ok: true, range: { first: from, last: to } };
}

/**
 * A click on bar `bar` of a score. After a single bar, a click on another bar extends the range to it (two
 * clicks choose a range); otherwise the click starts a new range of that one bar.
 */
export function pickBar(current: RangeText, bar: number): RangeText {
  const reading = readRange(current);
  const single = reading.ok && reading.range !== null && reading.range.first === reading.range.last;
  if (!single || reading.range!.first === bar) return { first: String(bar), last: String(bar) };
  const at = reading.range!.first;
  return { first: String(Math.min(at, bar)), last: String(Math.max(at, bar)) };
}
