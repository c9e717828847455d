import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abcjsWarnings } from '../music/abcjsCheck';
import { badMeasures } from '../music/bars';
import { MUSIC_SPECIALS, Vocab, type VocabJson } from '../tokenizer/vocab';
import { tokensToAbc, tokensToEvents } from '../tokenizer/musicTokens';
import { MusicGrammar, NO_CONSTRAINTS, type MusicConstraints } from './grammar';
import { mulberry32 } from './prng';

const vocab = new Vocab(JSON.parse(readFileSync(join(process.cwd(), 'public/models/vocab.json'), 'utf8')) as VocabJson);
const EOS = vocab.musicId(MUSIC_SPECIALS.eos);

/** Past this many tokens a walk ends as soon as </s> is allowed. */
const SOFT_LIMIT = 150;
const HARD_LIMIT = 600;

interface Walk {
  readonly tokens: string[];
  /** Why the walk stopped early, if it did. */
  readonly stuck: string | null;
}

/** Drives the grammar with uniform random choices among the allowed tokens. */
function walk(constraints: MusicConstraints, seed: number): Walk {
  const rand = mulberry32(seed);
  const grammar = new MusicGrammar(vocab, constraints);
  const tokens: string[] = [];
  while (tokens.length < HARD_LIMIT) {
    const mask = grammar.allowed();
    const ids = [...mask.keys()].filter((i) => mask[i] === 1);
    if (ids.length === 0) return { tokens, stuck: `no token allowed after ${tokens.slice(-12).join(' ')}` };
    const id = tokens.length >= SOFT_LIMIT && mask[EOS] ? EOS : ids[Math.floor(rand() * ids.length)];
    if (id === EOS) return { tokens, stuck: null };
    tokens.push(vocab.musicToken(id));
    grammar.advance(tokens[tokens.length - 1]);
  }
  return { tokens, stuck: `no </s> within ${HARD_LIMIT} tokens` };
}

const RUNS = 120;

describe.each([false, true])('random walks through MusicGrammar (fitBars %s)', (fitBars) => {
  const walks = Array.from({ length: RUNS }, (_, seed) => walk({ ...NO_CONSTRAINTS, fitBars }, 1000 + seed));

  it('always leaves a token to choose and reaches </s>', () => {
    expect(walks.map((w) => w.stuck).filter(Boolean)).toEqual([]);
  });

  it('writes token lists that decode strictly', () => {
    for (const w of walks) {
      const decoded = tokensToEvents(w.tokens, true);
      expect(decoded.meter, w.tokens.join(' ')).not.toBeNull();
      expect(decoded.key, w.tokens.join(' ')).not.toBeNull();
      expect(decoded.events.some((e) => e.kind === 'note')).toBe(true);
    }
  });

  it('writes ABC that abcjs reads without warnings', () => {
    for (const w of walks) expect(abcjsWarnings(tokensToAbc(w.tokens)), w.tokens.join(' ')).toEqual([]);
  });

  it.runIf(fitBars)('never overfills a bar or closes a short one mid-section', () => {
    const overfilled = walks.filter((w) => {
      const { meter, events } = tokensToEvents(w.tokens, true);
      return badMeasures(meter!, events).length > 0;
    });
    expect(overfilled.map((w) => w.tokens.join(' ')).slice(0, 3)).toEqual([]);
  });
});

describe('pinned constraints', () => {
  it.each<[Partial<MusicConstraints>, RegExp, RegExp]>([
    [{ meter: '6/8' }, /^M:6\/8$/, /^K:/],
    [{ key: 'D' }, /^M:/, /^K:D(maj|min|dor|mix|lyd|phr|loc)$/],
    [{ mode: 'dor' }, /^M:/, /^K:[A-G][#b]?dor$/],
    [{ meter: '3/4', key: 'G', mode: 'min' }, /^M:3\/4$/, /^K:Gmin$/],
    [{ meter: '2/2', key: 'A', mode: 'mix', fitBars: true }, /^M:2\/2$/, /^K:Amix$/],
  ])('%o', (pinned, meter, key) => {
    const constraints = { ...NO_CONSTRAINTS, ...pinned };
    const grammar = new MusicGrammar(vocab, constraints);
    const first = grammar.allowed();
    const allowedTokens = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i]).map((i) => vocab.musicToken(i));
    expect(allowedTokens(first).length).toBeGreaterThan(0);
    for (const t of allowedTokens(first)) expect(t).toMatch(meter);
    grammar.advance(allowedTokens(first)[0]);
    for (const t of allowedTokens(grammar.allowed())) expect(t).toMatch(key);
    for (let seed = 0; seed < 10; seed++) {
      const { tokens } = walk(constraints, seed);
      expect(tokens[0]).toMatch(meter);
      expect(tokens[1]).toMatch(key);
    }
  });

  it('names a meter the model does not know', () => {
    expect(() => new MusicGrammar(vocab, { ...NO_CONSTRAINTS, meter: '5/4' })).toThrow(RangeError);
    expect(() => new MusicGrammar(vocab, { ...NO_CONSTRAINTS, meter: '5/4' })).toThrow(/5\/4/);
  });

  it('names a key the model does not know', () => {
    expect(() => new MusicGrammar(vocab, { ...NO_CONSTRAINTS, key: 'C#' })).toThrow(/C#/);
    expect(() => new MusicGrammar(vocab, { ...NO_CONSTRAINTS, key: 'F#', mode: 'lyd' })).toThrow(RangeError);
  });
});

describe('MusicGrammar on the tunes it was trained on', () => {
  const catalogue = join(process.cwd(), 'public/corpus/catalogue.json');
  const entries = existsSync(catalogue)
    ? (JSON.parse(readFileSync(catalogue, 'utf8')) as { entries: { id: string; tokens: string[] }[] }).entries
    : [];
  // The grammar opens a tune only with notes or "|:", by design; a few transcriptions open with "|" or "|]".
  const opensPlainly = (tokens: string[]) => !/^(\||\|\]|\|\||::|:\|)$/.test(tokens[2]);
  const sample = entries.filter(
    (e, i) => i % 10 === 0 && opensPlainly(e.tokens) && e.tokens.every((t) => vocab.hasMusic(t)),
  );

  /** The first token of each tune the grammar would have masked, with the tokens before it. */
  const rejections = (fitBars: boolean) =>
    sample.flatMap((e) => {
      const grammar = new MusicGrammar(vocab, { ...NO_CONSTRAINTS, fitBars });
      const tokens = [...e.tokens, MUSIC_SPECIALS.eos];
      for (let i = 0; i < tokens.length; i++) {
        if (!grammar.allowed()[vocab.musicId(tokens[i])])
          return [`${e.id}: ${tokens.slice(Math.max(0, i - 8), i + 1).join(' ')}`];
        grammar.advance(tokens[i]);
      }
      return [];
    });

  it.skipIf(!sample.length)('allows every token of the catalogue tunes', () => {
    const rejected = rejections(false);
    expect(rejected.slice(0, 5), `${rejected.length} of ${sample.length} tunes rejected`).toEqual([]);
  });

  it.skipIf(!sample.length)('with fitBars, allows every token of the catalogue tunes whose bars fit', () => {
    const rejected = rejections(true);
    expect(rejected.slice(0, 5), `${rejected.length} of ${sample.length} tunes rejected`).toEqual([]);
  });
});
