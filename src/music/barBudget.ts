/**
 * Length in bars as a token budget. The decoder stops at a token limit, so bars become tokens through the mean
 * tokens per written bar of the training tunes in each meter (train split of public/corpus/catalogue.json:
 * tokens less the two header tokens, over bars). A budget rather than a stop at the Nth bar line: the stored
 * settings (history, journal, replay, CLI) keep one length field and replay exactly, and the runtime stays as it
 * is. The price is that the length is about N bars, not exactly N: busy tunes get fewer, sparse ones more.
 */
export const TOKENS_PER_BAR: Readonly<Record<string, number>> = {
  '6/8': 7.0,
  '2/2': 10.0,
  '2/4': 10.9,
  '4/4': 10.5,
  '3/4': 7.3,
  '9/8': 10.0,
  '3/8': 6.1,
  '6/4': 11.0,
  '12/8': 12.2,
  '3/2': 13.8,
  '9/4': 15.7,
};
/** For a meter the table lacks: the busiest common meter, so the tune is not cut short. */
const FALLBACK_TOKENS_PER_BAR = 10.9;
/** The M: and K: tokens before the first note. */
const HEADER_TOKENS = 2;

export const BAR_RANGE = { min: 1, max: 32 } as const;
export const DEFAULT_BARS = 16;

export const tokensPerBar = (meter: string): number => TOKENS_PER_BAR[meter] ?? FALLBACK_TOKENS_PER_BAR;

/** The token limit for about `bars` bars in `meter`. */
export const tokenBudgetForBars = (bars: number, meter: string): number =>
  HEADER_TOKENS + Math.ceil(bars * tokensPerBar(meter));

/** About how many bars a token limit leaves room for in `meter` (at least 1). */
export const barsForTokenBudget = (tokens: number, meter: string): number =>
  Math.max(1, Math.round((tokens - HEADER_TOKENS) / tokensPerBar(meter)));

/** The meter a length in bars is counted in: the pinned one, else the prompt's first asked meter, else 4/4. */
export function meterForLength(pinned: string | null, asked: readonly string[] | null): string {
  return pinned ?? asked?.[0] ?? '4/4';
}
