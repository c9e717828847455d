import { barText, type MusicEvent } from './events';
import { keyToken, type Key } from './key';
import { beatLength, meterToken, type Meter } from './meter';
import { soundingLengths } from './bars';
import { add, formatLength, rat, ZERO, cmp, sub, type Rational } from './rational';

/** The token list of a melody: meter, key, then notes, lengths, ties, tuplets and bar lines. */
export function eventsToTokens(meter: Meter, key: Key, events: readonly MusicEvent[]): string[] {
  const tokens = [meterToken(meter), keyToken(key)];
  for (const e of events) {
    if (e.kind === 'bar') tokens.push(barText(e.bar));
    else if (e.kind === 'tuplet') tokens.push(`(${e.p}`);
    else {
      tokens.push(e.kind === 'note' ? e.pitch : 'z');
      const len = formatLength(e.length);
      if (len) tokens.push(len);
      if (e.kind === 'note' && e.tie) tokens.push('-');
    }
  }
  return tokens;
}

export interface AbcHeaderText {
  readonly x?: number;
  readonly title?: string;
}

/**
 * Writes canonical ABC for a melody. Notes are beamed by beat (a space at each beat boundary) and lines
 * break every four bars so abcjs lays out a readable score.
 */
export function eventsToAbc(meter: Meter, key: Key, events: readonly MusicEvent[], head: AbcHeaderText = {}): string {
  const lines = [`X:${head.x ?? 1}`];
  if (head.title) lines.push(`T:${head.title.replace(/[\r\n]/g, ' ')}`);
  lines.push(`M:${meter.num}/${meter.den}`, 'L:1/8', `K:${key.tonic}${key.mode === 'maj' ? '' : key.mode}`);
  return `${lines.join('\n')}\n${bodyText(meter, events)}\n`;
}

export function bodyText(meter: Meter, events: readonly MusicEvent[]): string {
  const beat = beatLength(meter, rat(1, 8));
  const sounding = soundingLengths(events);
  let out = '';
  let inBeat: Rational = ZERO;
  let barsOnLine = 0;
  events.forEach((e, i) => {
    if (e.kind === 'bar') {
      out += ` ${barText(e.bar)}`;
      inBeat = ZERO;
      if (++barsOnLine === 4) {
        out += '\n';
        barsOnLine = 0;
      } else out += ' ';
      return;
    }
    if (e.kind === 'tuplet') {
      if (cmp(inBeat, ZERO) === 0 && out && !/\s$/.test(out)) out += ' ';
      out += `(${e.p}`;
      return;
    }
    if (cmp(inBeat, ZERO) === 0 && out && !/\s$/.test(out) && !/\(\d$/.test(out)) out += ' ';
    out += (e.kind === 'note' ? e.pitch : 'z') + formatLength(e.length) + (e.kind === 'note' && e.tie ? '-' : '');
    inBeat = add(inBeat, sounding[i]);
    while (cmp(inBeat, beat) >= 0) inBeat = sub(inBeat, beat);
  });
  return out.trim();
}
