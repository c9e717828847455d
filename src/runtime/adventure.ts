import type { SamplingOptions } from './sampling';

/**
 * One slider from safe (0) to adventurous (1) that sets temperature and top-p together: safe samples from a
 * sharpened distribution cut to its likeliest 85 %, adventurous from a flattened one with nothing cut. The
 * middle (0.5) is the default temperature 0.9 and top-p 0.95.
 */
export const ADVENTURE_STEP = 0.1;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function samplingForAdventure(adventure: number): Pick<SamplingOptions, 'temperature' | 'topP'> {
  const a = Math.min(1, Math.max(0, adventure));
  return { temperature: round2(0.6 + 0.6 * a), topP: round2(Math.min(1, 0.85 + 0.2 * a)) };
}

/** The slider position these settings come from, or null when temperature or top-p was set by hand off the line. */
export function adventureOf(settings: Pick<SamplingOptions, 'temperature' | 'topP'>): number | null {
  for (let k = 0; k <= 1 / ADVENTURE_STEP; k++) {
    const a = round2(k * ADVENTURE_STEP);
    const s = samplingForAdventure(a);
    if (s.temperature === settings.temperature && s.topP === settings.topP) return a;
  }
  return null;
}
