/**
 * How the map's rows, the score's notes and the playhead point at each other. Rows are bars (measure
 * indices, as `splitMeasures` counts them for both tokenBars and mapTune) or tokens; notes are ordinals in
 * the order abcjs draws them.
 */
import type { LabelledMatrix } from '../../explain/attention';
import type { ScoreClick } from '../../vis/scoreView';
import { measureAt, notesInMeasure, type TuneMap } from '../tuneMap';

/** Token index range [start, end) of each note: its pitch (or rest) token and the length and tie tokens after it. */
export function noteTokenSpans(map: TuneMap, tokenCount: number): [number, number][] {
  return map.noteEvents.map((e) => [map.tokenOfEvent[e], map.tokenOfEvent[e + 1] ?? tokenCount]);
}

/** Notes a map row stands for. */
export function rowNotes(map: TuneMap, tokenCount: number, rowKind: 'bar' | 'token', row: number | null): number[] {
  if (row === null) return [];
  if (rowKind === 'bar') return notesInMeasure(map, row);
  return noteTokenSpans(map, tokenCount).flatMap(([a, b], k) => (row >= a && row < b ? [k] : []));
}

/** The row a click on the score points at: the bar, or the note's (or bar line's) first token. */
export function rowOfClick(map: TuneMap, rowKind: 'bar' | 'token', click: ScoreClick): number | null {
  if (rowKind === 'bar') return measureAt(map, click);
  const event = click.kind === 'note' ? map.noteEvents[click.ordinal] : map.barEvents[click.ordinal];
  return event === undefined ? null : (map.tokenOfEvent[event] ?? null);
}

/** The row of the note sounding now. */
export function rowOfNote(map: TuneMap, rowKind: 'bar' | 'token', note: number | null): number | null {
  if (note === null) return null;
  if (rowKind === 'bar') return map.measureOfNote[note] ?? null;
  const event = map.noteEvents[note];
  return event === undefined ? null : (map.tokenOfEvent[event] ?? null);
}

/** Each note's attention to one word column: the mean over the note's tokens of a token-row matrix. */
export function noteValues(map: TuneMap, tokenRows: LabelledMatrix, col: number): Float64Array {
  const spans = noteTokenSpans(map, tokenRows.rows);
  return Float64Array.from(spans, ([a, b]) => {
    let sum = 0;
    let n = 0;
    for (let t = a; t < Math.min(b, tokenRows.rows); t++, n++) sum += tokenRows.data[t * tokenRows.cols + col];
    return n ? sum / n : 0;
  });
}

export const COLOUR_STEPS = 5;

/** Notes sorted into COLOUR_STEPS equal-width bins between the lowest and highest value: class -> notes. */
export function colourClasses(values: ArrayLike<number>, prefix = 'ap-att-'): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (let i = 0; i < COLOUR_STEPS; i++) out[`${prefix}${i}`] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) [lo, hi] = [Math.min(lo, values[k]), Math.max(hi, values[k])];
  const span = hi - lo;
  for (let k = 0; k < values.length; k++) {
    const bin = span > 0 ? Math.min(COLOUR_STEPS - 1, Math.floor(((values[k] - lo) / span) * COLOUR_STEPS)) : 0;
    out[`${prefix}${bin}`].push(k);
  }
  return out;
}
