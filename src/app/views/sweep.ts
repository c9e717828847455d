import { SWEEP_LIMITS } from '../../journal/journalViews';

/** Reads "1, 1.5, 3" into guidance values; problems come back as one sentence. */
export function parseSweep(text: string): { values: number[] } | { problem: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const { count, guidance } = SWEEP_LIMITS;
  if (parts.length < count.min || parts.length > count.max)
    return { problem: `Give ${count.min} to ${count.max} guidance values, separated by commas.` };
  const values = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isFinite(values[i]) || values[i] < guidance.min || values[i] > guidance.max);
  if (bad !== undefined)
    return { problem: `'${bad}' is not a guidance value from ${guidance.min} to ${guidance.max}.` };
  if (new Set(values).size !== values.length) return { problem: 'Each guidance value should appear once.' };
  return { values };
}
