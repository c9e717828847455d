import { barNumber, longMeasures, splitMeasures } from '../music/bars';
import { barLength } from '../music/meter';
import { rat, type Rational } from '../music/rational';
import { tokensToEvents } from '../tokenizer/musicTokens';

const eighths = (r: Rational) => (r.d === 1 ? `${r.n}` : `${r.n}/${r.d}`);

/**
 * Names the bars of a tune that are longer than its meter allows, numbered as musicians number them (a
 * pickup is bar 0), or null when every bar fits. The tune may still be kept: players sometimes want that.
 */
export function longBarsWarning(tokens: readonly string[]): string | null {
  const { meter, events } = tokensToEvents(tokens, false);
  if (!meter) return null;
  const long = longMeasures(meter, events);
  if (long.length === 0) return null;
  const measures = splitMeasures(events);
  const full = eighths(barLength(meter, rat(1, 8)));
  const each = long.map((m) => `bar ${barNumber(meter, measures, m.index)} has ${eighths(m.length)}`);
  const which = long.length === 1 ? 'One bar is' : `${long.length} bars are`;
  return `${which} longer than a ${meter.num}/${meter.den} bar (${full} eighth notes): ${each.join(', ')}.`;
}
