import type { TuneFeatures } from '../src/music/features';
import { tonicPitchClass, type Key } from '../src/music/key';
import type { Meter } from '../src/music/meter';

/**
 * Where the corpus's own tunes are cut into feature words. Fixed cut points left the pairs lopsided ("narrow" named
 * 0.3% of training captions, "wide" 22%), so a prompt's "narrow" had almost nothing to be learnt from. Each extreme
 * word now names a share of the corpus, measured against tunes like it: density within the tune's meter (a sparse
 * reel is sparse for a reel), register against the key's tonic (a high tune in D is high for D).
 */
export interface Cuts {
  /** At or below: the smaller word. */
  readonly low: number;
  /** At or above: the larger word. */
  readonly high: number;
}

export interface FeatureScale {
  readonly range: Cuts;
  readonly stepwise: Cuts;
  /** Mean pitch above the tonic's C4-octave note. */
  readonly register: Cuts;
  /** Notes per beat, by meter ("6/8"), and over all meters for a meter with few tunes. */
  readonly densityByMeter: Readonly<Record<string, Cuts>>;
  readonly density: Cuts;
}

export interface ScaledTune {
  readonly features: TuneFeatures;
  readonly meter: Meter;
  readonly key: Key;
}

/** Share of tunes each extreme word names (the middle word names the rest). */
export const EXTREME_SHARE = 0.3;
/** A meter needs this many tunes for density cuts of its own. */
const MIN_METER_TUNES = 200;

export const meterName = (meter: Meter): string => `${meter.num}/${meter.den}`;

export function notesPerBeat(f: TuneFeatures, meter: Meter): number {
  const beats = meter.den === 8 && meter.num % 3 === 0 ? meter.num / 3 : meter.num;
  return f.notesPerBar / beats;
}

export const registerOffset = (f: TuneFeatures, key: Key): number => f.meanPitch - (60 + tonicPitchClass(key));

/**
 * Cut points that put as near the given share as ties allow at each end: a range of 17 semitones is a fifth of all
 * tunes, so a cut taken at a rank would make "narrow" name half of them.
 */
export function cutsOf(values: readonly number[], share = EXTREME_SHARE): Cuts {
  if (!values.length) throw new Error('feature scale: no tunes to measure');
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  // Each distinct value with the share of values at or below it and at or above it, in one pass.
  const runs: { value: number; atOrBelow: number; atOrAbove: number }[] = [];
  for (let start = 0, i = 1; i <= n; i++) {
    if (i < n && sorted[i] === sorted[start]) continue;
    runs.push({ value: sorted[start], atOrBelow: i / n, atOrAbove: (n - start) / n });
    start = i;
  }
  // The first run nearest the share, in the order given (ties go to the more extreme value).
  const nearest = (order: typeof runs, shareOf: (r: (typeof runs)[number]) => number) =>
    order.reduce((best, r) => (Math.abs(shareOf(r) - share) < Math.abs(shareOf(best) - share) ? r : best)).value;
  return {
    low: nearest(runs, (r) => r.atOrBelow),
    high: nearest([...runs].reverse(), (r) => r.atOrAbove),
  };
}

export function featureScale(tunes: readonly ScaledTune[], share = EXTREME_SHARE): FeatureScale {
  const byMeter = new Map<string, number[]>();
  for (const t of tunes) {
    const name = meterName(t.meter);
    if (!byMeter.has(name)) byMeter.set(name, []);
    byMeter.get(name)!.push(notesPerBeat(t.features, t.meter));
  }
  return {
    range: cutsOf(
      tunes.map((t) => t.features.range),
      share,
    ),
    stepwise: cutsOf(
      tunes.map((t) => t.features.stepwise),
      share,
    ),
    register: cutsOf(
      tunes.map((t) => registerOffset(t.features, t.key)),
      share,
    ),
    densityByMeter: Object.fromEntries(
      [...byMeter].filter(([, xs]) => xs.length >= MIN_METER_TUNES).map(([m, xs]) => [m, cutsOf(xs, share)]),
    ),
    density: cutsOf(
      tunes.map((t) => notesPerBeat(t.features, t.meter)),
      share,
    ),
  };
}

const word = (x: number, cuts: Cuts, [smaller, middle, larger]: readonly [string, string, string]) =>
  x <= cuts.low ? smaller : x >= cuts.high ? larger : middle;

export interface FeatureWords {
  readonly range: string;
  readonly density: string;
  readonly register: string;
  readonly motion: string;
}

export function featureWords(t: ScaledTune, scale: FeatureScale): FeatureWords {
  const density = scale.densityByMeter[meterName(t.meter)] ?? scale.density;
  return {
    range: word(t.features.range, scale.range, ['narrow', 'moderate', 'wide']),
    density: word(notesPerBeat(t.features, t.meter), density, ['sparse', 'flowing', 'busy']),
    register: word(registerOffset(t.features, t.key), scale.register, ['low', 'middle', 'high']),
    motion: word(t.features.stepwise, scale.stepwise, ['leaping', 'mixed', 'stepwise']),
  };
}
