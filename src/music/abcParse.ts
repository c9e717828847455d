import type { BarLine, MusicEvent } from './events';
import { parseKey, type Key } from './key';
import { parseMeter, type Meter } from './meter';
import { div, mul, parseLength, rat, type Rational } from './rational';

/** Why a tune could not be read into the canonical subset. Each reason is counted by the corpus report. */
export type DropReason =
  | 'no meter'
  | 'no key'
  | 'unsupported key'
  | 'unsupported meter'
  | 'meter change'
  | 'key change'
  | 'multiple voices'
  | 'unsupported tuplet'
  | 'unsupported ending'
  | 'unparsed symbol'
  | 'bad length'
  | 'broken rhythm without notes'
  | 'empty'
  | 'bar lengths'
  | 'too long';

export class AbcError extends Error {
  constructor(
    readonly reason: DropReason,
    detail: string,
    /** Character offset in the body text where reading stopped, when known. */
    readonly position: number | null = null,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Header fields of one tune record, each field's lines in order. */
export type Header = Readonly<Record<string, readonly string[]>>;

export interface ParsedTune {
  readonly header: Header;
  readonly meter: Meter;
  readonly key: Key;
  readonly events: readonly MusicEvent[];
}

const EIGHTH = rat(1, 8);
const SINGLE_CHAR_DECORATIONS = new Set('.~HLMOPSTuvJRy`$*#'.split(''));

/** Splits a file of ABC into tune records, each starting at an X: line. */
export function splitTunes(text: string): string[] {
  const records: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^X:/.test(line)) {
      if (current) records.push(current.join('\n'));
      current = [line];
    } else if (current) current.push(line);
  }
  if (current) records.push(current.join('\n'));
  return records;
}

/** Reads one tune record into header fields and canonical melody events, or throws AbcError. */
export function parseTune(record: string): ParsedTune {
  const lines = record.split(/\r?\n/).map((l) => l.replace(/(^|[^\\])%.*$/, '$1'));
  const header: Record<string, string[]> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^([A-Za-z]):\s*(.*?)\s*$/.exec(lines[i]);
    if (!m) continue;
    (header[m[1]] ??= []).push(m[2]);
    if (m[1] === 'K') break;
  }
  const meterField = header.M?.[0];
  if (meterField === undefined) throw new AbcError('no meter', 'no M: field');
  if (header.K === undefined) throw new AbcError('no key', 'no K: field');
  const meter = parseMeter(meterField);
  if (!meter) throw new AbcError('unsupported meter', `M:${meterField}`);
  const key = parseKey(header.K[0]);
  if (!key) throw new AbcError('unsupported key', `K:${header.K[0]}`);
  if (header.V) throw new AbcError('multiple voices', 'V: field');
  const defaultUnit = meter.num / meter.den < 0.75 ? rat(1, 16) : EIGHTH;
  const unitField = header.L?.[header.L.length - 1];
  const unit = unitField === undefined ? defaultUnit : parseUnit(unitField);
  const body = new BodyReader(unit, meter, key);
  for (i += 1; i < lines.length; i++) body.readLine(lines[i]);
  const events = body.finish();
  return { header, meter, key, events };
}

function parseUnit(field: string): Rational {
  const m = /^(\d+)\/(\d+)$/.exec(field.trim());
  if (!m) throw new AbcError('bad length', `L:${field}`);
  return rat(Number(m[1]), Number(m[2]));
}

/** Reads body lines into events, applying broken rhythm, chords (top note kept) and unit changes. */
class BodyReader {
  private readonly events: MusicEvent[] = [];
  private offset = 0;
  private pendingBroken: Rational | null = null;
  private tupletLeft = 0;

  constructor(
    private unit: Rational,
    private readonly meter: Meter,
    private readonly key: Key,
  ) {}

  readLine(rawLine: string): void {
    const line = rawLine.replace(/\\\s*$/, '');
    const field = /^([A-Za-z]):\s*(.*?)\s*$/.exec(line);
    if (field) {
      this.applyField(field[1], field[2]);
    } else {
      this.readMusic(line);
    }
    this.offset += rawLine.length + 1;
  }

  finish(): MusicEvent[] {
    if (this.pendingBroken) throw new AbcError('broken rhythm without notes', 'trailing > or <');
    if (!this.events.some((e) => e.kind === 'note')) throw new AbcError('empty', 'no notes');
    return this.events;
  }

  private applyField(name: string, value: string): void {
    if (name === 'L') this.unit = parseUnit(value);
    else if (name === 'M') {
      const m = parseMeter(value);
      if (!m || m.num !== this.meter.num || m.den !== this.meter.den) throw new AbcError('meter change', `M:${value}`);
    } else if (name === 'K') {
      const k = parseKey(value);
      if (!k || k.tonic !== this.key.tonic || k.mode !== this.key.mode) throw new AbcError('key change', `K:${value}`);
    } else if (name === 'V') throw new AbcError('multiple voices', `V:${value}`);
    // Other fields in the body (P:, Q:, N:, W:, w:, T:) carry no melody.
  }

  private fail(reason: DropReason, detail: string, at: number): never {
    throw new AbcError(reason, detail, this.offset + at);
  }

  private readMusic(line: string): void {
    let p = 0;
    while (p < line.length) {
      const rest = line.slice(p);
      const c = line[p];
      let m: RegExpExecArray | null;
      if (/\s/.test(c)) p++;
      else if (c === '"') p = this.skipPast(line, p, '"');
      else if (c === '!' || c === '+') p = line.indexOf(c, p + 1) > p ? line.indexOf(c, p + 1) + 1 : p + 1;
      else if (c === '{') p = this.skipPast(line, p, '}');
      else if ((m = /^\[([A-Za-z]):([^\]]*)\]/.exec(rest))) {
        this.applyField(m[1], m[2]);
        p += m[0].length;
      } else if ((m = /^(\[\||\|\]|::|:*\|+:*|:+)(\[?\d)?/.exec(rest)) || (m = /^\[(\d)/.exec(rest))) {
        this.addBar(m, p);
        p += m[0].length;
      } else if ((m = /^\((\d)(?::(\d?)(?::(\d?))?)?/.exec(rest))) {
        this.startTuplet(m, p);
        p += m[0].length;
      } else if (c === '(' || c === ')') p++;
      else if ((m = /^\[((?:[\^_=]*[A-Ga-g][',]*[\d/]*-?\s*)+)\]([\d/]*)(-?)/.exec(rest))) {
        this.addChord(m, p);
        p += m[0].length;
      } else if ((m = /^(\^\^|\^|__|_|=)?([A-Ga-g])([',]*)([\d/]*)(-?)/.exec(rest))) {
        this.addNote(`${m[1] ?? ''}${m[2]}${m[3]}`, m[4], m[5] === '-', p);
        p += m[0].length;
      } else if ((m = /^[zx]([\d/]*)/.exec(rest))) {
        this.addRest(m[1], p);
        p += m[0].length;
      } else if ((m = /^(>+|<+)/.exec(rest))) {
        this.startBroken(m[1], p);
        p += m[0].length;
      } else if (c === '&') this.fail('multiple voices', 'voice overlay &', p);
      else if (c === '-')
        p++; // a tie after a chord or separated by space
      else if (SINGLE_CHAR_DECORATIONS.has(c) || c === '\\') p++;
      else this.fail('unparsed symbol', `"${c}"`, p);
    }
  }

  private skipPast(line: string, p: number, close: string): number {
    const end = line.indexOf(close, p + 1);
    return end < 0 ? line.length : end + 1;
  }

  private toEighths(written: string, at: number): Rational {
    const r = parseLength(written);
    if (!r || r.n === 0) this.fail('bad length', `"${written}"`, at);
    return div(mul(r, this.unit), EIGHTH);
  }

  private addNote(pitch: string, written: string, tie: boolean, at: number): void {
    this.pushTimed({ kind: 'note', pitch: normalisePitch(pitch), length: this.toEighths(written, at), tie });
  }

  private addRest(written: string, at: number): void {
    this.pushTimed({ kind: 'rest', length: this.toEighths(written, at) });
  }

  private addChord(m: RegExpExecArray, at: number): void {
    const notes = [...m[1].matchAll(/([\^_=]*)([A-Ga-g])([',]*)([\d/]*)/g)];
    const outer = this.toEighths(m[2], at);
    const first = this.toEighths(notes[0][4], at);
    const top = notes.reduce((best, n) => (pitchHeight(n[2], n[3]) > pitchHeight(best[2], best[3]) ? n : best));
    const length = mul(first, outer);
    this.pushTimed({ kind: 'note', pitch: normalisePitch(top[1] + top[2] + top[3]), length, tie: m[3] === '-' });
  }

  private pushTimed(event: Extract<MusicEvent, { kind: 'note' | 'rest' }>): void {
    let e = event;
    if (this.pendingBroken) {
      e = { ...e, length: mul(e.length, this.pendingBroken) };
      this.pendingBroken = null;
    }
    if (this.tupletLeft > 0) this.tupletLeft--;
    this.events.push(e);
  }

  private startBroken(arrows: string, at: number): void {
    const prev = this.events[this.events.length - 1];
    if (!prev || (prev.kind !== 'note' && prev.kind !== 'rest')) this.fail('broken rhythm without notes', arrows, at);
    const short = rat(1, 2 ** arrows.length);
    const long = rat(2 ** (arrows.length + 1) - 1, 2 ** arrows.length);
    const [first, second] = arrows[0] === '>' ? [long, short] : [short, long];
    this.events[this.events.length - 1] = { ...prev, length: mul(prev.length, first) };
    this.pendingBroken = second;
  }

  private startTuplet(m: RegExpExecArray, at: number): void {
    const p = Number(m[1]);
    const q = m[2] ? Number(m[2]) : undefined;
    const r = m[3] ? Number(m[3]) : undefined;
    if (
      (p !== 2 && p !== 3 && p !== 4) ||
      (q !== undefined && q !== { 2: 3, 3: 2, 4: 3 }[p]) ||
      (r !== undefined && r !== p)
    ) {
      this.fail('unsupported tuplet', m[0], at);
    }
    if (this.tupletLeft > 0) this.fail('unsupported tuplet', 'nested tuplet', at);
    this.events.push({ kind: 'tuplet', p });
    this.tupletLeft = p;
  }

  private addBar(m: RegExpExecArray, at: number): void {
    const text = m[0];
    const endingMatch = /(\d)$/.exec(text);
    const ending = endingMatch ? Number(endingMatch[1]) : null;
    if (ending !== null && ending !== 1 && ending !== 2) this.fail('unsupported ending', text, at);
    const symbol = text.replace(/\[?\d$/, '');
    const prev = this.events[this.events.length - 1];
    if (symbol === '' || symbol === '[') {
      // A volta bracket written apart from its bar line ("| [2").
      if (prev?.kind !== 'bar' || prev.bar.ending !== null) this.fail('unsupported ending', text, at);
      this.events[this.events.length - 1] = { kind: 'bar', bar: { ...prev.bar, ending } };
      return;
    }
    const closesRepeat = /^:/.test(symbol);
    const opensRepeat = /:$/.test(symbol) || symbol === '::';
    const close: BarLine['close'] = closesRepeat
      ? 'repeat'
      : /\]|\[\|/.test(symbol)
        ? 'final'
        : /\|\|/.test(symbol)
          ? 'double'
          : 'plain';
    const bar: BarLine = { close, openRepeat: opensRepeat, ending };
    if (this.tupletLeft > 0) this.fail('unsupported tuplet', 'tuplet across a bar line', at);
    if (prev?.kind === 'bar' && prev.bar.ending === null && bar.close === 'plain' && !bar.openRepeat) {
      // "|| |" style doubled bar lines collapse into the first.
      this.events[this.events.length - 1] = { kind: 'bar', bar: { ...prev.bar, ending } };
      return;
    }
    this.events.push({ kind: 'bar', bar });
  }
}

/** Orders pitches written in ABC (C, < C < c < c'). */
function pitchHeight(letter: string, octave: string): number {
  const base = 'CDEFGABcdefgab'.indexOf(letter);
  return base + 7 * ((octave.match(/'/g)?.length ?? 0) - (octave.match(/,/g)?.length ?? 0));
}

/** Writes octave marks canonically: lower-case letters take ', upper-case take , (so c, becomes C). */
export function normalisePitch(pitch: string): string {
  const m = /^([\^_=]*)([A-Ga-g])([',]*)$/.exec(pitch)!;
  const height = pitchHeight(m[2], m[3]);
  const octave = Math.floor(height / 7);
  const letter = 'CDEFGAB'[((height % 7) + 7) % 7];
  if (octave >= 1) return m[1] + letter.toLowerCase() + "'".repeat(octave - 1);
  return m[1] + letter + ','.repeat(-octave);
}
