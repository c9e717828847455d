import { eventsToAbc, eventsToTokens } from '../music/canonical';
import type { BarLine, MusicEvent } from '../music/events';
import { keyFromToken, type Key } from '../music/key';
import { meterFromToken, type Meter } from '../music/meter';
import { parseLength } from '../music/rational';
import { parseTune, type ParsedTune } from '../music/abcParse';

/** Music tokens are ABC pieces: "M:6/8", "K:Dmaj", "^c'", "3/2", "-", "(3", ":|2", ... */
export type MusicToken = string;

export const PITCH_TOKEN = /^(\^\^|\^|__|_|=)?([A-Ga-g])([',]*)$/;
export const LENGTH_TOKEN = /^(\d+|\d*\/\d+)$/;
export const BAR_TOKEN = /^(\||\|\||\|\]|\|:|:\||::)([12])?$/;

/** Tokens for an ABC tune (any header; its body must be in the canonical subset or cleanable to it). */
export function abcToTokens(abc: string): MusicToken[] {
  const tune = parseTune(abc.startsWith('X:') ? abc : `X:1\n${abc}`);
  return tuneTokens(tune);
}

export const tuneTokens = (tune: ParsedTune): MusicToken[] => eventsToTokens(tune.meter, tune.key, tune.events);

export interface DecodedTokens {
  readonly meter: Meter | null;
  readonly key: Key | null;
  readonly events: MusicEvent[];
}

export class TokenSequenceError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(`${message} (token ${index})`);
  }
}

/** Reads a token list back into events. Strict mode rejects anything out of grammar; lenient mode skips it. */
export function tokensToEvents(tokens: readonly MusicToken[], strict = true): DecodedTokens {
  let meter: Meter | null = null;
  let key: Key | null = null;
  const events: MusicEvent[] = [];
  const bad = (msg: string, i: number) => {
    if (strict) throw new TokenSequenceError(msg, i);
  };
  tokens.forEach((t, i) => {
    const last = events[events.length - 1];
    if (t.startsWith('M:')) {
      if (meter || events.length) return bad(`unexpected ${t}`, i);
      meter = meterFromToken(t);
    } else if (t.startsWith('K:')) {
      if (key || events.length) return bad(`unexpected ${t}`, i);
      key = keyFromToken(t);
    } else if (PITCH_TOKEN.test(t)) {
      events.push({ kind: 'note', pitch: t, length: { n: 1, d: 1 }, tie: false });
    } else if (t === 'z') {
      events.push({ kind: 'rest', length: { n: 1, d: 1 } });
    } else if (LENGTH_TOKEN.test(t)) {
      const len = parseLength(t);
      if (!len || !last || (last.kind !== 'note' && last.kind !== 'rest') || !isUnitLength(last)) {
        return bad(`length ${t} without a note`, i);
      }
      events[events.length - 1] = { ...last, length: len };
    } else if (t === '-') {
      if (last?.kind !== 'note' || last.tie) return bad('tie without a note', i);
      events[events.length - 1] = { ...last, tie: true };
    } else if (/^\([234]$/.test(t)) {
      events.push({ kind: 'tuplet', p: Number(t[1]) as 2 | 3 | 4 });
    } else if (BAR_TOKEN.test(t)) {
      events.push({ kind: 'bar', bar: barFromText(t) });
    } else bad(`unknown token ${t}`, i);
  });
  return { meter, key, events };
}

/** A note whose length token has not been read yet still has the implicit length 1 and no tie. */
function isUnitLength(e: Extract<MusicEvent, { kind: 'note' | 'rest' }>): boolean {
  return e.length.n === 1 && e.length.d === 1 && !(e.kind === 'note' && e.tie);
}

export function barFromText(text: string): BarLine {
  const m = BAR_TOKEN.exec(text)!;
  const ending = m[2] ? Number(m[2]) : null;
  switch (m[1]) {
    case '||':
      return { close: 'double', openRepeat: false, ending };
    case '|]':
      return { close: 'final', openRepeat: false, ending };
    case '|:':
      return { close: 'plain', openRepeat: true, ending };
    case ':|':
      return { close: 'repeat', openRepeat: false, ending };
    case '::':
      return { close: 'repeat', openRepeat: true, ending };
    default:
      return { close: 'plain', openRepeat: false, ending };
  }
}

const DEFAULT_METER: Meter = { num: 4, den: 4 };
const DEFAULT_KEY: Key = { tonic: 'C', mode: 'maj' };

/** ABC text for a token list; lenient, so a partly generated tune can be shown while it streams. */
export function tokensToAbc(tokens: readonly MusicToken[], head: { title?: string; x?: number } = {}): string {
  const { meter, key, events } = tokensToEvents(tokens, false);
  return eventsToAbc(meter ?? DEFAULT_METER, key ?? DEFAULT_KEY, events, head);
}
