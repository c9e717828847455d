import { TUPLET_TIME, type BarLine, type MusicEvent } from './events';
import { barLength, type Meter } from './meter';
import { add, cmp, mul, rat, ZERO, type Rational } from './rational';

/** A measure of a melody: the events between two bar lines and their sounding length in eighths. */
export interface Measure {
  readonly index: number;
  /** Indices into the event list. */
  readonly first: number;
  readonly last: number;
  readonly length: Rational;
  readonly opening: BarLine | null;
  readonly closing: BarLine | null;
}

/** Sounding lengths in eighths, with tuplet scaling applied (a (3 triplet of eighths sounds as 2/3 each). */
export function soundingLengths(events: readonly MusicEvent[]): Rational[] {
  const out: Rational[] = [];
  let scale = rat(1);
  let left = 0;
  for (const e of events) {
    if (e.kind === 'tuplet') {
      scale = rat(TUPLET_TIME[e.p], e.p);
      left = e.p;
      out.push(ZERO);
    } else if (e.kind === 'note' || e.kind === 'rest') {
      out.push(left > 0 ? mul(e.length, scale) : e.length);
      if (left > 0 && --left === 0) scale = rat(1);
    } else out.push(ZERO);
  }
  return out;
}

export function splitMeasures(events: readonly MusicEvent[]): Measure[] {
  const lengths = soundingLengths(events);
  const measures: Measure[] = [];
  let first = 0;
  let length = ZERO;
  let opening: BarLine | null = null;
  let hasContent = false;
  events.forEach((e, i) => {
    if (e.kind === 'bar') {
      if (hasContent) measures.push({ index: measures.length, first, last: i - 1, length, opening, closing: e.bar });
      first = i + 1;
      length = ZERO;
      opening = e.bar;
      hasContent = false;
    } else {
      length = add(length, lengths[i]);
      hasContent ||= e.kind !== 'tuplet';
    }
  });
  if (hasContent)
    measures.push({ index: measures.length, first, last: events.length - 1, length, opening, closing: null });
  return measures;
}

const isSectionEdge = (bar: BarLine | null): boolean =>
  bar === null || bar.close !== 'plain' || bar.openRepeat || bar.ending !== null;

/**
 * Measures whose length does not fit the meter. Short measures are allowed where a section begins or ends
 * (pickups, the bar before a repeat, first and last bars); long ones never are.
 */
export function badMeasures(meter: Meter, events: readonly MusicEvent[]): Measure[] {
  const full = barLength(meter, rat(1, 8));
  const measures = splitMeasures(events);
  return measures.filter((m) => {
    const c = cmp(m.length, full);
    if (c === 0) return false;
    if (c > 0) return true;
    // The first and last bars count as edges even when a plain bar line opens or closes the tune ("| A | ...").
    const outermost = m.index === 0 || m.index === measures.length - 1;
    return !(outermost || isSectionEdge(m.opening) || isSectionEdge(m.closing));
  });
}

/** Measures longer than a full bar of the meter. */
export function longMeasures(meter: Meter, events: readonly MusicEvent[]): Measure[] {
  const full = barLength(meter, rat(1, 8));
  return splitMeasures(events).filter((m) => cmp(m.length, full) > 0);
}

/**
 * The bar number a musician gives a measure: a pickup (a short first measure with more after it) is bar 0,
 * so the first full bar is bar 1 either way. Without a meter no pickup can be told, and counting starts at 1.
 */
export function barNumber(meter: Meter | null, measures: readonly Measure[], index: number): number {
  const first = measures[0];
  const pickup =
    meter !== null && first !== undefined && measures.length > 1 && cmp(first.length, barLength(meter, rat(1, 8))) < 0;
  return pickup ? index : index + 1;
}
