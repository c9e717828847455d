import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTune, splitTunes } from '../music/abcParse';
import { abcjsWarnings } from '../music/abcjsCheck';
import { badMeasures } from '../music/bars';
import { eventsToAbc, eventsToTokens } from '../music/canonical';
import type { BarLine, MusicEvent } from '../music/events';
import type { Key } from '../music/key';
import { barLength, type Meter } from '../music/meter';
import { add, cmp, rat, ZERO, type Rational } from '../music/rational';
import { abcToTokens, barFromText, TokenSequenceError, tokensToAbc, tokensToEvents } from './musicTokens';

// ---- Random valid melodies: whole bars of notes, rests and triplets, separated by bar lines. ----

const METERS: Meter[] = [
  { num: 4, den: 4 },
  { num: 2, den: 2 },
  { num: 3, den: 4 },
  { num: 2, den: 4 },
  { num: 6, den: 8 },
  { num: 9, den: 8 },
  { num: 3, den: 2 },
];
const KEYS: Key[] = [
  { tonic: 'G', mode: 'maj' },
  { tonic: 'D', mode: 'mix' },
  { tonic: 'A', mode: 'dor' },
  { tonic: 'E', mode: 'min' },
  { tonic: 'Bb', mode: 'maj' },
  { tonic: 'F#', mode: 'min' },
];
const PITCHES = ['G,', 'A,', 'B,', 'C', 'D', 'E', 'F', 'G', 'A', 'B', 'c', 'd', 'e', 'f', 'g', 'a', 'b', "c'", "d'"];
const ACCIDENTALS = ['', '', '', '', '^', '_', '=', '^^', '__'];
const LENGTHS = [rat(1, 2), rat(1), rat(1), rat(3, 2), rat(2), rat(3), rat(4)];
/** Bar lines between bars; an ending only follows a plain or repeat bar, as in real tunes. */
const PAD_LENGTHS = [rat(8), rat(6), rat(4), rat(3), rat(2), rat(3, 2), rat(1), rat(1, 2)];
const BARS = ['|', '|', '|', '||', '|:', ':|', '::', '|1', ':|2', '|]'];

type Chunk =
  | { kind: 'note'; pitch: string; length: Rational; tie: boolean }
  | { kind: 'rest'; length: Rational }
  | { kind: 'triplet'; pitches: string[] };

const pitchArb = fc.tuple(fc.constantFrom(...ACCIDENTALS), fc.constantFrom(...PITCHES)).map(([a, p]) => a + p);
const chunkArb: fc.Arbitrary<Chunk> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      pitch: pitchArb,
      length: fc.constantFrom(...LENGTHS),
      tie: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rest' as const), length: fc.constantFrom(...LENGTHS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('triplet' as const),
      pitches: fc.array(pitchArb, { minLength: 3, maxLength: 3 }),
    }),
  },
);

/** Lays chunks into bars of exactly the meter's length, padding each bar with one note. */
function layOut(meter: Meter, bars: { chunks: Chunk[]; pad: string; bar: string }[]): MusicEvent[] {
  const full = barLength(meter, rat(1, 8));
  const events: MusicEvent[] = [];
  bars.forEach(({ chunks, pad, bar }, i) => {
    let used: Rational = ZERO;
    for (const c of chunks) {
      const sounding = c.kind === 'triplet' ? rat(2) : c.length;
      if (cmp(add(used, sounding), full) > 0) continue;
      used = add(used, sounding);
      if (c.kind === 'triplet') {
        events.push({ kind: 'tuplet', p: 3 });
        for (const pitch of c.pitches) events.push({ kind: 'note', pitch, length: rat(1), tie: false });
      } else events.push(c);
    }
    // Pad with lengths a single note can show (abcjs rejects e.g. 13/2), largest first.
    for (const len of PAD_LENGTHS)
      while (cmp(add(used, len), full) <= 0) {
        events.push({ kind: 'note', pitch: pad, length: len, tie: false });
        used = add(used, len);
      }
    if (i < bars.length - 1 || bar !== '|') events.push({ kind: 'bar', bar: barFromText(bar) });
  });
  return events;
}

const melodyArb = fc
  .record({
    meter: fc.constantFrom(...METERS),
    key: fc.constantFrom(...KEYS),
    bars: fc.array(
      fc.record({ chunks: fc.array(chunkArb, { maxLength: 10 }), pad: pitchArb, bar: fc.constantFrom(...BARS) }),
      { minLength: 1, maxLength: 10 },
    ),
  })
  .map(({ meter, key, bars }) => ({ meter, key, events: layOut(meter, bars) }));

describe('music round trip on random melodies', () => {
  it('the generator makes melodies whose bars all fit', () => {
    fc.assert(
      fc.property(melodyArb, ({ meter, events }) => {
        expect(badMeasures(meter, events)).toEqual([]);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('abcToTokens(eventsToAbc(...)) equals eventsToTokens(...), and tokensToEvents gives the melody back', () => {
    fc.assert(
      fc.property(melodyArb, ({ meter, key, events }) => {
        const tokens = eventsToTokens(meter, key, events);
        expect(abcToTokens(eventsToAbc(meter, key, events, { title: 'Random' }))).toEqual(tokens);
        expect(tokensToEvents(tokens, true)).toEqual({ meter, key, events });
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('the ABC written for them reads in abcjs without warnings', () => {
    fc.assert(
      fc.property(melodyArb, ({ meter, key, events }) => {
        expect(abcjsWarnings(eventsToAbc(meter, key, events))).toEqual([]);
      }),
      { seed: 13, numRuns: 60 },
    );
  });
});

// ---- Real tunes ----

interface StoredEntry {
  readonly id: string;
  readonly abc: string;
  readonly tokens: readonly string[];
}

/** Every 20th catalogue entry, or, without a built catalogue, every 20th tune in data/abc that parses. */
function realTunes(): StoredEntry[] {
  const catalogue = join(process.cwd(), 'public/corpus/catalogue.json');
  if (existsSync(catalogue)) {
    const entries = (JSON.parse(readFileSync(catalogue, 'utf8')) as { entries: StoredEntry[] }).entries;
    return entries.filter((_, i) => i % 20 === 0);
  }
  const out: StoredEntry[] = [];
  const root = join(process.cwd(), 'data/abc');
  for (const folder of readdirSync(root).sort())
    for (const file of readdirSync(join(root, folder))
      .filter((f) => f.endsWith('.abc'))
      .sort())
      splitTunes(readFileSync(join(root, folder, file), 'utf8')).forEach((record, i) => {
        if (i % 20) return;
        try {
          const tune = parseTune(record);
          const tokens = eventsToTokens(tune.meter, tune.key, tune.events);
          out.push({ id: `${folder}/${file}#${i}`, abc: eventsToAbc(tune.meter, tune.key, tune.events), tokens });
        } catch {
          // Tunes outside the canonical subset are the pipeline's business.
        }
      });
  return out;
}

describe('music round trip on real tunes', () => {
  const tunes = realTunes();

  it('has a sample to check', () => {
    expect(tunes.length).toBeGreaterThan(50);
  });

  it('stored ABC re-tokenizes to the stored tokens, and the tokens decode strictly', () => {
    for (const t of tunes) {
      expect(abcToTokens(t.abc), t.id).toEqual(t.tokens);
      const { meter, key, events } = tokensToEvents(t.tokens, true);
      expect(eventsToTokens(meter!, key!, events), t.id).toEqual(t.tokens);
    }
  });
});

// ---- Decoding by hand ----

describe('tokensToEvents', () => {
  it('reads lengths, ties, tuplets and bar lines', () => {
    const { meter, key, events } = tokensToEvents([
      'M:6/8',
      'K:Ador',
      '|:',
      'A',
      '3/2',
      '-',
      'A',
      '(3',
      'z',
      '/2',
      ':|2',
    ]);
    expect(meter).toEqual({ num: 6, den: 8 });
    expect(key).toEqual({ tonic: 'A', mode: 'dor' });
    expect(events).toEqual([
      { kind: 'bar', bar: { close: 'plain', openRepeat: true, ending: null } },
      { kind: 'note', pitch: 'A', length: rat(3, 2), tie: true },
      { kind: 'note', pitch: 'A', length: rat(1), tie: false },
      { kind: 'tuplet', p: 3 },
      { kind: 'rest', length: rat(1, 2) },
      { kind: 'bar', bar: { close: 'repeat', openRepeat: false, ending: 2 } },
    ]);
  });

  it.each([
    ['a length with no note', ['M:4/4', 'K:Gmaj', '2'], 2],
    ['two lengths on one note', ['M:4/4', 'K:Gmaj', 'A', '2', '2'], 4],
    ['a length after a tie', ['M:4/4', 'K:Gmaj', 'A', '-', '2'], 4],
    ['a tie on a rest', ['M:4/4', 'K:Gmaj', 'z', '-'], 3],
    ['two ties', ['M:4/4', 'K:Gmaj', 'A', '-', '-'], 4],
    ['a meter in the body', ['M:4/4', 'K:Gmaj', 'A', 'M:6/8'], 3],
    ['a second key', ['M:4/4', 'K:Gmaj', 'K:Dmaj'], 2],
    ['an unknown token', ['M:4/4', 'K:Gmaj', '<s>'], 2],
    ['a five-tuplet', ['M:4/4', 'K:Gmaj', '(5'], 2],
  ])('strict mode rejects %s', (_, tokens, index) => {
    expect(() => tokensToEvents(tokens, true)).toThrow(TokenSequenceError);
    try {
      tokensToEvents(tokens, true);
    } catch (e) {
      expect((e as TokenSequenceError).index).toBe(index);
    }
  });

  it('lenient mode skips what strict mode rejects', () => {
    const { events } = tokensToEvents(['M:4/4', 'K:Gmaj', '2', 'A', '2', '2', '-', '-', '<s>', 'B'], false);
    expect(events).toEqual([
      { kind: 'note', pitch: 'A', length: rat(2), tie: true },
      { kind: 'note', pitch: 'B', length: rat(1), tie: false },
    ]);
  });

  it.each<[string, BarLine]>([
    ['|', { close: 'plain', openRepeat: false, ending: null }],
    ['||', { close: 'double', openRepeat: false, ending: null }],
    ['|]', { close: 'final', openRepeat: false, ending: null }],
    ['|:', { close: 'plain', openRepeat: true, ending: null }],
    [':|', { close: 'repeat', openRepeat: false, ending: null }],
    ['::', { close: 'repeat', openRepeat: true, ending: null }],
    ['|1', { close: 'plain', openRepeat: false, ending: 1 }],
    [':|2', { close: 'repeat', openRepeat: false, ending: 2 }],
  ])('bar token %s', (text, bar) => {
    expect(barFromText(text)).toEqual(bar);
  });
});

describe('tokensToAbc', () => {
  it('shows a partial stream with default meter and key', () => {
    expect(tokensToAbc(['A', '2', 'B'], { title: 'Draft' })).toBe('X:1\nT:Draft\nM:4/4\nL:1/8\nK:C\nA2 B\n');
  });

  it('writes the tune the tokens describe', () => {
    const tokens = ['M:6/8', 'K:Dmix', 'A', 'B', 'c', 'd', '2', 'e', '|]'];
    expect(tokensToAbc(tokens)).toBe('X:1\nM:6/8\nL:1/8\nK:Dmix\nABc d2e |]\n');
    expect(abcToTokens(tokensToAbc(tokens))).toEqual(tokens);
  });
});
