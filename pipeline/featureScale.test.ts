import { describe, expect, it } from 'vitest';
import type { TuneFeatures } from '../src/music/features';
import type { Key } from '../src/music/key';
import type { Meter } from '../src/music/meter';
import { cutsOf, featureScale, featureWords, type ScaledTune } from './featureScale';

const features = (f: Partial<TuneFeatures>): TuneFeatures => ({
  lowest: 60,
  highest: 72,
  range: 12,
  meanPitch: 70,
  notesPerBar: 8,
  stepwise: 0.5,
  bars: 16,
  notes: 96,
  ...f,
});
const D: Key = { tonic: 'D', mode: 'maj' };
const jig: Meter = { num: 6, den: 8 };
const reel: Meter = { num: 4, den: 4 };
const tune = (f: Partial<TuneFeatures>, meter = reel, key = D): ScaledTune => ({ features: features(f), meter, key });

describe('cutsOf', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.3, { low: 3, high: 9 }],
    [[5, 1, 3], 0.4, { low: 1, high: 5 }],
    // Ties: 17 is half the tunes, so neither end's cut takes it.
    [[12, 12, 12, 17, 17, 17, 17, 17, 19, 21], 0.3, { low: 12, high: 19 }],
    [[7], 0.3, { low: 7, high: 7 }],
  ])('cutsOf(%o, %d)', (values, share, cuts) => {
    expect(cutsOf(values, share)).toEqual(cuts);
  });

  it('refuses an empty corpus', () => {
    expect(() => cutsOf([])).toThrow(/no tunes/);
  });
});

describe('featureScale', () => {
  // 300 reels with 4..10 notes a bar, and 300 jigs with 3..6: a meter has density cuts of its own.
  const reels = Array.from({ length: 300 }, (_, i) => tune({ notesPerBar: 4 + (6 * i) / 299 }));
  const jigs = Array.from({ length: 300 }, (_, i) => tune({ notesPerBar: 3 + (3 * i) / 299 }, jig));
  const scale = featureScale([...reels, ...jigs]);

  it('cuts density within each meter, so a sparse reel is sparse for a reel', () => {
    expect(featureWords(tune({ notesPerBar: 5 }), scale).density).toBe('sparse');
    expect(featureWords(tune({ notesPerBar: 5 }, jig), scale).density).toBe('flowing');
    expect(featureWords(tune({ notesPerBar: 6 }, jig), scale).density).toBe('busy');
  });

  it('falls back to the cuts over all meters for a meter with few tunes', () => {
    expect(featureWords(tune({ notesPerBar: 1 }, { num: 3, den: 2 }), scale).density).toBe('sparse');
  });

  it('names about the same share of tunes with each extreme word', () => {
    const words = [...reels, ...jigs].map((t) => featureWords(t, scale).density);
    const share = (w: string) => words.filter((x) => x === w).length / words.length;
    expect(share('sparse')).toBeCloseTo(0.3, 1);
    expect(share('busy')).toBeCloseTo(0.3, 1);
  });
});

describe('featureWords', () => {
  const scale = {
    range: { low: 12, high: 19 },
    stepwise: { low: 0.42, high: 0.62 },
    register: { low: 5, high: 12 },
    densityByMeter: { '4/4': { low: 1.6, high: 2.6 } },
    density: { low: 1, high: 2 },
  };
  it.each([
    [tune({}), { range: 'narrow', density: 'flowing', register: 'middle', motion: 'mixed' }],
    [
      tune({ range: 8, notesPerBar: 3, meanPitch: 66, stepwise: 0.8 }),
      { range: 'narrow', density: 'sparse', register: 'low', motion: 'stepwise' },
    ],
    [
      tune({ range: 20, notesPerBar: 12, meanPitch: 80, stepwise: 0.3 }),
      { range: 'wide', density: 'busy', register: 'high', motion: 'leaping' },
    ],
    // Register is measured from the key's tonic: mean pitch 70 is high above C, middle above D.
    [
      tune({ range: 15 }, reel, { tonic: 'C', mode: 'maj' }),
      { range: 'moderate', density: 'flowing', register: 'middle', motion: 'mixed' },
    ],
    [
      tune({ range: 15, meanPitch: 73 }, reel, { tonic: 'C', mode: 'maj' }),
      { range: 'moderate', density: 'flowing', register: 'high', motion: 'mixed' },
    ],
    // A jig has no cuts of its own here: 6 notes a bar is 3 a beat, busy over all meters.
    [tune({ range: 15 }, jig), { range: 'moderate', density: 'busy', register: 'middle', motion: 'mixed' }],
  ])('featureWords(%o)', (t, words) => {
    expect(featureWords(t, scale)).toEqual(words);
  });
});
