import { barNumber, splitMeasures } from '../music/bars';
import { BAR_TOKEN, LENGTH_TOKEN, PITCH_TOKEN, tokensToEvents } from '../tokenizer/musicTokens';

/** Bar index of a token that belongs to no bar: the M:/K: header, specials, tokens out of grammar. */
export const NO_BAR = -1;

export interface TokenBars {
  /** Bar index (0 = first bar) of each token, or NO_BAR. */
  readonly bar: Int32Array;
  /** Number of bars in the tune. */
  readonly count: number;
  /** The musician's number of bar index 0: 0 when the tune opens with a pickup, else 1. */
  readonly firstNumber: 0 | 1;
}

/** Tokens that start a music event in `tokensToEvents`; lengths and ties modify the event before them. */
const startsEvent = (t: string): boolean =>
  PITCH_TOKEN.test(t) || t === 'z' || /^\([234]$/.test(t) || BAR_TOKEN.test(t);
const modifiesEvent = (t: string): boolean => LENGTH_TOKEN.test(t) || t === '-';

/**
 * Which bar each token belongs to, with bars as `splitMeasures` counts them (a bar has at least one note or
 * rest; empty stretches between bar lines are not bars). A note's length and tie tokens go with the note; a
 * bar line goes with the bar it closes, or with the bar it opens when it closes none (a leading "|:").
 * Header tokens (M:, K:) and anything outside the music grammar get NO_BAR.
 */
export function tokenBars(tokens: readonly string[]): TokenBars {
  const { meter, events } = tokensToEvents(tokens, false);
  const eventOf = new Int32Array(tokens.length).fill(-1);
  let count = 0;
  tokens.forEach((t, i) => {
    if (startsEvent(t)) eventOf[i] = count++;
    else if (modifiesEvent(t) && count > 0) eventOf[i] = count - 1;
  });
  // Same rules as tokensToEvents, so event indices line up; guard against the two drifting apart.
  if (count !== events.length)
    throw new Error(`tokenBars: ${count} events counted, tokensToEvents read ${events.length}`);

  const measures = splitMeasures(events);
  const barOfEvent = new Int32Array(events.length).fill(NO_BAR);
  for (const m of measures) barOfEvent.fill(m.index, m.first, m.last + 1);
  events.forEach((e, i) => {
    if (e.kind !== 'bar') return;
    const closes = i > 0 ? barOfEvent[i - 1] : NO_BAR;
    const opens = measures.find((m) => m.first > i)?.index ?? NO_BAR;
    barOfEvent[i] = closes !== NO_BAR && events[i - 1].kind !== 'bar' ? closes : opens;
  });
  const bar = Int32Array.from(eventOf, (e) => (e < 0 ? NO_BAR : barOfEvent[e]));
  return { bar, count: measures.length, firstNumber: barNumber(meter, measures, 0) === 0 ? 0 : 1 };
}

/** Token indices of each bar, in order: `spans[b]` lists the tokens of bar b. */
export function barTokenIndices(bars: TokenBars): number[][] {
  const spans: number[][] = Array.from({ length: bars.count }, () => []);
  bars.bar.forEach((b, i) => {
    if (b !== NO_BAR) spans[b].push(i);
  });
  return spans;
}

/** "bar 1", "bar 2", ... as musicians number them: an opening pickup is bar 0. */
export const barLabel = (index: number, bars: Pick<TokenBars, 'firstNumber'>): string =>
  `bar ${index + bars.firstNumber}`;
