import { barNumber, splitMeasures, type Measure } from '../music/bars';
import type { Meter } from '../music/meter';
import { AbcError } from '../music/abcParse';
import { BAR_TOKEN, PITCH_TOKEN, abcToTokens, tokensToEvents } from '../tokenizer/musicTokens';

/**
 * How a token list lines up with its events, measures and the notes abcjs draws. abcjs draws one element per
 * note or rest and one per bar line, in order, so "the k-th note" and "the k-th bar line" match both ways.
 */
export interface TuneMap {
  readonly meter: Meter | null;
  readonly measures: readonly Measure[];
  /** Token index that starts each event. */
  readonly tokenOfEvent: readonly number[];
  /** Event index of each note or rest, in order (the "note ordinal" the score and the player share). */
  readonly noteEvents: readonly number[];
  /** Event index of each bar line, in order. */
  readonly barEvents: readonly number[];
  /** Measure index of each note ordinal (-1 before the first measure). */
  readonly measureOfNote: readonly number[];
}

/** The tokens that open an event (tokensToEvents, lenient, pushes exactly for these). */
const opensEvent = (t: string) => PITCH_TOKEN.test(t) || t === 'z' || /^\([234]$/.test(t) || BAR_TOKEN.test(t);

export function mapTune(tokens: readonly string[]): TuneMap {
  const { meter, events } = tokensToEvents(tokens, false);
  const tokenOfEvent: number[] = [];
  tokens.forEach((t, i) => {
    if (opensEvent(t)) tokenOfEvent.push(i);
  });
  const measures = splitMeasures(events);
  const measureOfEvent = new Array<number>(events.length).fill(-1);
  for (const m of measures) for (let i = m.first; i <= m.last; i++) measureOfEvent[i] = m.index;
  const noteEvents: number[] = [];
  const barEvents: number[] = [];
  events.forEach((e, i) => {
    if (e.kind === 'note' || e.kind === 'rest') noteEvents.push(i);
    else if (e.kind === 'bar') barEvents.push(i);
  });
  return {
    meter,
    measures,
    tokenOfEvent,
    noteEvents,
    barEvents,
    measureOfNote: noteEvents.map((e) => measureOfEvent[e]),
  };
}

/** The measure a click on the k-th note, or on the k-th bar line (the measure it closes), points at. */
export function measureAt(map: TuneMap, click: { kind: 'note' | 'bar'; ordinal: number }): number | null {
  if (click.kind === 'note') return map.measureOfNote[click.ordinal] ?? null;
  const event = map.barEvents[click.ordinal];
  if (event === undefined) return null;
  const closed = map.measures.find((m) => m.last === event - 1);
  return closed ? closed.index : null;
}

/** The bar number a musician gives a measure (a pickup is bar 0), for every bar number the user reads. */
export const barNumberOf = (map: TuneMap, measure: number): number => barNumber(map.meter, map.measures, measure);

/** Note ordinals inside a measure, for highlighting it. */
export const notesInMeasure = (map: TuneMap, measure: number): number[] =>
  map.measureOfNote.flatMap((m, k) => (m === measure ? [k] : []));

/** Tokens up to the end of a measure, its closing bar line included: the prefix for "continue from here". */
export function prefixThroughMeasure(tokens: readonly string[], map: TuneMap, measure: number): string[] {
  const m = map.measures[measure];
  if (!m) throw new RangeError(`there is no measure ${measure + 1}`);
  const closingEvent = m.last + 1;
  const end = closingEvent < map.tokenOfEvent.length ? map.tokenOfEvent[closingEvent] + 1 : tokens.length;
  return tokens.slice(0, end);
}

export type EditResult =
  | { readonly ok: true; readonly tokens: string[] }
  | { readonly ok: false; readonly message: string; readonly line: number | null; readonly column: number | null };

/**
 * Reads ABC typed by the user into music tokens. Errors say what is wrong and, where the parser knows,
 * the line and column (1-based, in the text as typed).
 */
export function parseEditedAbc(text: string, knows?: (token: string) => boolean): EditResult {
  if (!text.trim()) return { ok: false, message: 'The ABC is empty.', line: null, column: null };
  let tokens: string[];
  try {
    tokens = abcToTokens(text);
  } catch (e) {
    if (e instanceof AbcError) {
      const at = e.position === null ? null : bodyPosition(text, e.position);
      const where = at ? ` at line ${at.line}, column ${at.column}` : '';
      return {
        ok: false,
        message: `The ABC could not be read${where}: ${e.message}.`,
        line: at?.line ?? null,
        column: at?.column ?? null,
      };
    }
    return {
      ok: false,
      message: `The ABC could not be read: ${e instanceof Error ? e.message : String(e)}.`,
      line: null,
      column: null,
    };
  }
  const unknown = knows ? [...new Set(tokens.filter((t) => !knows(t)))] : [];
  if (unknown.length) {
    return {
      ok: false,
      message: `The model does not know these symbols: ${unknown.join(' ')}.`,
      line: null,
      column: null,
    };
  }
  return { ok: true, tokens };
}

/** Turns an offset into the tune body (the lines after K:, as parseTune counts them) into a line and column. */
function bodyPosition(text: string, offset: number): { line: number; column: number } | null {
  const lines = text.split(/\r?\n/);
  const keyLine = lines.findIndex((l) => /^K:/.test(l));
  if (keyLine < 0) return null;
  let left = offset;
  for (let i = keyLine + 1; i < lines.length; i++) {
    if (left <= lines[i].length) return { line: i + 1, column: left + 1 };
    left -= lines[i].length + 1;
  }
  return null;
}
