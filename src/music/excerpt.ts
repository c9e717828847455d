/**
 * Reference excerpts: a bar range of a tune, as music tokens, in the shape the encoder reads them
 * (docs/model-contract.md). training/data.py cuts them the same way, so the model sees at run time what it saw
 * in training.
 */
import { BAR_TOKEN, PITCH_TOKEN } from '../tokenizer/musicTokens';

/** Longest reference the model reads, meter and key included (the model card's `max_ref`). */
export const MAX_REF_TOKENS = 96;
/** References per generation. */
export const MAX_REFERENCES = 3;
/** Bars taken when no range is given and the whole tune is too long. */
const DEFAULT_BARS = 4;

export interface ReferenceSource {
  /** A catalogue tune (id = its catalogue id) or ABC the user brought (id = file name or a label). */
  readonly kind: 'catalogue' | 'abc';
  readonly id: string;
  readonly title: string;
}

/** An excerpt the model reads beside the prompt: bars first..last (from 1) of a tune. */
export interface Reference {
  readonly source: ReferenceSource;
  readonly first: number;
  readonly last: number;
  /** Meter, key, then the tokens of the bars. */
  readonly tokens: readonly string[];
}

export interface BarRange {
  readonly first: number;
  readonly last: number;
}

/** Token indices [start, end) of one bar. */
export interface BarSpan {
  readonly start: number;
  readonly end: number;
}

const isHeader = (t: string) => t.startsWith('M:') || t.startsWith('K:');
const isSound = (t: string) => PITCH_TOKEN.test(t) || t === 'z';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The tune's bars: each a run of tokens up to and including the bar line that closes it. A run without a note
 * or rest (a leading `|:` alone, the `|:` after a `:|`) is no bar; trailing tokens after the last bar line are
 * a last bar if they hold a note. The M:/K: header belongs to no bar.
 */
export function barSpans(tokens: readonly string[]): BarSpan[] {
  let start = 0;
  while (start < tokens.length && isHeader(tokens[start])) start++;
  const spans: BarSpan[] = [];
  let sound = false;
  for (let i = start; i < tokens.length; i++) {
    sound ||= isSound(tokens[i]);
    if (!BAR_TOKEN.test(tokens[i])) continue;
    if (sound) spans.push({ start, end: i + 1 });
    start = i + 1;
    sound = false;
  }
  if (sound) spans.push({ start, end: tokens.length });
  return spans;
}

/** Number of tokens of a bar range as a reference (meter and key included). */
const excerptLength = (spans: readonly BarSpan[], first: number, last: number) =>
  2 + spans[last - 1].end - spans[first - 1].start;

function checkRange(count: number, first: number, last: number): void {
  const has = `the tune has ${plural(count, 'bar')}`;
  if (!Number.isInteger(first) || !Number.isInteger(last))
    throw new RangeError(`bar numbers must be whole numbers; got ${first}-${last} (${has})`);
  if (first < 1) throw new RangeError(`bars are counted from 1; got ${first}-${last} (${has})`);
  if (last < first) throw new RangeError(`bar range ${first}-${last} ends before it begins (${has})`);
  if (last > count) throw new RangeError(`bars ${first}-${last} are past the end: ${has}`);
}

/**
 * Meter, key and the tokens from the start of bar `first` to the end of bar `last` (counted from 1), so a
 * `|:` between two of the bars stays in, as in training. Throws a RangeError for a range outside the tune, or
 * one longer than MAX_REF_TOKENS (suggesting the longest range from `first` that fits).
 */
export function cutExcerpt(tokens: readonly string[], first: number, last: number): string[] {
  const meter = tokens.find((t) => t.startsWith('M:'));
  const key = tokens.find((t) => t.startsWith('K:'));
  if (!meter || !key) throw new RangeError('the tune has no meter or no key token, so no excerpt can be cut');
  const spans = barSpans(tokens);
  checkRange(spans.length, first, last);
  const length = excerptLength(spans, first, last);
  if (length > MAX_REF_TOKENS) {
    let fits = first - 1;
    while (fits < last && excerptLength(spans, first, fits + 1) <= MAX_REF_TOKENS) fits++;
    const hint =
      fits >= first
        ? `choose a shorter range, e.g. ${first}-${fits}`
        : `bar ${first} alone has ${excerptLength(spans, first, first)}; choose other bars`;
    throw new RangeError(
      `bars ${first}-${last} make ${length} tokens with the meter and key; a reference holds at most ` +
        `${MAX_REF_TOKENS}: ${hint}`,
    );
  }
  return [meter, key, ...tokens.slice(spans[first - 1].start, spans[last - 1].end)];
}

/** The range taken when none is given: the whole tune if it fits, else its first four bars. */
export function defaultRange(tokens: readonly string[]): BarRange {
  const spans = barSpans(tokens);
  if (spans.length === 0) throw new RangeError('the tune has no bars');
  if (excerptLength(spans, 1, spans.length) <= MAX_REF_TOKENS) return { first: 1, last: spans.length };
  return { first: 1, last: Math.min(DEFAULT_BARS, spans.length) };
}

/** A reference to a tune's bars (or, without a range, to the default range). */
export function makeReference(source: ReferenceSource, tokens: readonly string[], range: BarRange | null): Reference {
  const { first, last } = range ?? defaultRange(tokens);
  return { source, first, last, tokens: cutExcerpt(tokens, first, last) };
}

/**
 * Reads the command-line form `<id>[:<first>-<last>]` (or `<id>:<bar>` for one bar). Throws a RangeError for
 * a malformed range.
 */
export function parseReferenceSpec(spec: string): { readonly target: string; readonly range: BarRange | null } {
  const colon = spec.lastIndexOf(':');
  const tail = colon < 0 ? '' : spec.slice(colon + 1);
  // Only a tail of digits and dashes is a range; anything else is part of the id or path.
  if (colon < 0 || !/^[\d\s-]*$/.test(tail)) {
    if (spec.trim() === '') throw new RangeError('a reference needs a tune id or file');
    return { target: spec, range: null };
  }
  const target = spec.slice(0, colon);
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(tail);
  if (!m) throw new RangeError(`the bar range after ":" must look like 3-6 (or 3 for one bar); got "${tail}"`);
  if (target.trim() === '') throw new RangeError('a reference needs a tune id or file before the ":"');
  const first = Number(m[1]);
  return { target, range: { first, last: m[2] === undefined ? first : Number(m[2]) } };
}

/** "Kesh Jig, bars 1-4" / "bar 3": how a reference is named in messages and labels. */
export const referenceLabel = (r: Reference): string =>
  `${r.source.title || r.source.id}, ${r.first === r.last ? `bar ${r.first}` : `bars ${r.first}-${r.last}`}`;
