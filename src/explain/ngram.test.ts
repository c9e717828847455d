import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../music/noteSequence';
import { abcToTokens } from '../tokenizer/musicTokens';
import { tokensToNoteSequence } from './neighboursIndex';
import { buildNgramIndex, figureKeys, ngramScores, sharedPassages } from './ngram';

const tune = (body: string, meter = '4/4', key = 'D') =>
  tokensToNoteSequence(abcToTokens(`M:${meter}\nL:1/8\nK:${key}\n${body}\n`));
const transpose = (seq: NoteSequence, semitones: number): NoteSequence => ({
  ...seq,
  notes: seq.notes.map((n) => ({ ...n, midi: n.midi + semitones })),
});

const FIXTURE_TUNES = [
  tune('|: d2ef gfed | cdeA B2AG | FGAB AFDF | E2DE F4 :|'),
  tune('|: A2FA dAFA | G2EG cGEG | A2FA d2fe | dcBc d4 :|'),
  tune('|: fedc BAGF | EFGA B2e2 | fedc BAGF | E2E2 E4 :|', '4/4', 'Em'),
  tune('|: DFA DFA | GBd gdB | AFD EFG | FDD D3 :|', '6/8'),
  tune('|: g2g gfe | d2B G2A | B2c d2B | A3 A3 :|', '6/8', 'G'),
];

describe('figureKeys', () => {
  it('is transposition-invariant', () => {
    expect(Array.from(figureKeys(transpose(FIXTURE_TUNES[0], 7)))).toEqual(Array.from(figureKeys(FIXTURE_TUNES[0])));
  });

  it('tells rhythms apart', () => {
    const even = tune('| defg abag |');
    const dotted = tune('| d>ef>g a>ba>g |');
    expect(even.notes.length).toBe(dotted.notes.length);
    expect(new Set(figureKeys(even)).size).toBeGreaterThan(0);
    for (const k of figureKeys(dotted)) expect(figureKeys(even)).not.toContain(k);
  });

  it('has notes - n figures, and none for a short tune', () => {
    expect(figureKeys(FIXTURE_TUNES[0], 4).length).toBe(FIXTURE_TUNES[0].notes.length - 4);
    expect(figureKeys(tune('| d2 e2 f4 |')).length).toBe(0);
  });
});

describe('ngramScores', () => {
  const index = buildNgramIndex(FIXTURE_TUNES);

  it('ranks a transposed copy first, with full containment', () => {
    FIXTURE_TUNES.forEach((seq, t) => {
      const r = ngramScores(index, transpose(seq, -3));
      const best = Array.from(r.containment).indexOf(Math.max(...r.containment));
      expect(best).toBe(t);
      expect(r.containment[t]).toBe(1);
      expect(r.jaccard[t]).toBe(1);
    });
  });

  it('counts a partial copy by the share of its figures', () => {
    // First two bars of tune 0 up a fourth, then new material.
    const query = tune("| g2ab c'bag | fgad e2dc | C8 |", '4/4', 'G');
    const r = ngramScores(index, query);
    expect(r.querySize).toBeGreaterThan(0);
    expect(r.shared[0]).toBeGreaterThan(0);
    expect(r.containment[0]).toBeGreaterThan(0.5);
    expect(r.containment[0]).toBeLessThan(1);
    expect(r.containment[1]).toBe(0);
  });

  it('scores every tune 0 for a query too short to have a figure', () => {
    const r = ngramScores(index, tune('| d4 e4 |'));
    expect(r.querySize).toBe(0);
    expect(Math.max(...r.containment)).toBe(0);
  });
});

describe('sharedPassages', () => {
  it('finds the shared stretch in both tunes, with the transposition', () => {
    const match = FIXTURE_TUNES[0];
    const query = tune("| C8 | g2ab c'bag | fgad e2dc |", '4/4', 'G');
    const [p, ...rest] = sharedPassages(query, match);
    expect(rest).toEqual([]);
    expect(p.query.firstNote).toBe(1);
    expect(p.match.firstNote).toBe(0);
    expect(p.query.lastNote - p.query.firstNote).toBe(p.match.lastNote - p.match.firstNote);
    expect(p.transposition).toBe(-5);
    expect([p.query.firstBar, p.match.firstBar]).toEqual([1, 0]);
    expect(p.match.lastBar).toBeGreaterThanOrEqual(1);
  });

  it('finds nothing between unrelated tunes', () => {
    expect(sharedPassages(FIXTURE_TUNES[1], tune('| A,2e2 C2g2 | B,2f2 D4 |'))).toEqual([]);
  });
});
