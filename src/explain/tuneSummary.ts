/** Summaries of a tune for A/B comparison (a perturbed prompt regenerated with the same seed). */
import { MODE_WORDS } from '../music/key';
import { toNoteSequence } from '../music/noteSequence';
import { tokensToEvents } from '../tokenizer/musicTokens';
import { barTokenIndices, tokenBars } from './tokenBars';

export interface TuneSummary {
  /** "6/8", or null when the tokens name no meter. */
  readonly meter: string | null;
  /** Tonic as written, e.g. "D", "F#"; null when the tokens name no key. */
  readonly key: string | null;
  /** "major", "minor", "dorian", ...; null when no key. */
  readonly mode: string | null;
  /** MIDI numbers of the lowest and highest note; null without notes. */
  readonly lowest: number | null;
  readonly highest: number | null;
  /** Semitones from lowest to highest note (0 without notes). */
  readonly range: number;
  readonly notes: number;
  readonly bars: number;
  /** Notes per bar (note density); 0 without bars. */
  readonly notesPerBar: number;
}

/** Summarises a token list (leniently: tokens out of grammar are skipped, as in the score view). */
export function summarizeTune(tokens: readonly string[]): TuneSummary {
  const { meter, key, events } = tokensToEvents(tokens, false);
  const seq = toNoteSequence(meter ?? { num: 4, den: 4 }, key ?? { tonic: 'C', mode: 'maj' }, events);
  const pitches = seq.notes.map((n) => n.midi);
  const bars = tokenBars(tokens).count;
  const lowest = pitches.length ? Math.min(...pitches) : null;
  const highest = pitches.length ? Math.max(...pitches) : null;
  return {
    meter: meter ? `${meter.num}/${meter.den}` : null,
    key: key?.tonic ?? null,
    mode: key ? MODE_WORDS[key.mode] : null,
    lowest,
    highest,
    range: lowest === null || highest === null ? 0 : highest - lowest,
    notes: pitches.length,
    bars,
    notesPerBar: bars ? Math.round((pitches.length / bars) * 100) / 100 : 0,
  };
}

export interface SummaryChange {
  readonly field: keyof TuneSummary;
  readonly a: TuneSummary[keyof TuneSummary];
  readonly b: TuneSummary[keyof TuneSummary];
  readonly changed: boolean;
  /** b - a for numeric fields, else null. */
  readonly delta: number | null;
}

/** Field-by-field comparison, in a fixed order. */
export function diffSummaries(a: TuneSummary, b: TuneSummary): SummaryChange[] {
  return (Object.keys(a) as (keyof TuneSummary)[]).map((field) => {
    const [x, y] = [a[field], b[field]];
    const delta = typeof x === 'number' && typeof y === 'number' ? Math.round((y - x) * 100) / 100 : null;
    return { field, a: x, b: y, changed: x !== y, delta };
  });
}

export interface BarChanges {
  /** Bar indices (0-based) whose tokens differ; bars present in only one tune count as changed. */
  readonly changed: number[];
  readonly barsA: number;
  readonly barsB: number;
}

/** Bars whose token content differs, aligned by bar index (bar k of A against bar k of B). */
export function changedBars(tokensA: readonly string[], tokensB: readonly string[]): BarChanges {
  const contents = (tokens: readonly string[]) =>
    barTokenIndices(tokenBars(tokens)).map((ix) => ix.map((i) => tokens[i]).join(' '));
  const [a, b] = [contents(tokensA), contents(tokensB)];
  const changed: number[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) if (a[k] !== b[k]) changed.push(k);
  return { changed, barsA: a.length, barsB: b.length };
}
