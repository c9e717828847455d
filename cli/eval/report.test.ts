import { describe, expect, it } from 'vitest';
import { FEATURE_PAIRS } from './featurePairs';
import { heldOutFigures } from './measures';
import { summariseReferences } from './references';
import {
  evalDocument,
  markdownTable,
  meets,
  perplexityFromCard,
  reportRows,
  type ColumnFigures,
  type EvaluationFigures,
  type Target,
} from './report';

describe('meets', () => {
  it.each<[number, Target, boolean]>([
    [95, { op: '≥', value: 95 }, true],
    [94.9, { op: '≥', value: 95 }, false],
    [3, { op: '≤', value: 3 }, true],
    [3.1, { op: '≤', value: 3 }, false],
    [0.04, { op: '>', value: 0.04 }, false],
    [NaN, { op: '≥', value: 0 }, false],
    [NaN, { op: '≤', value: 5 }, false],
  ])('%s %j: %s', (value, target, met) => {
    expect(meets(value, target)).toBe(met);
  });
});

describe('perplexityFromCard', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof perplexityFromCard>]>([
    ['no perplexity', {}, null],
    ['no valid split', { perplexity: { test: {} } }, null],
    [
      'losses given',
      {
        perplexity: {
          valid: {
            model_perplexity: 4,
            model_perplexity_unconditional: 5,
            model_loss: 1.5,
            model_loss_unconditional: 1.6,
            kneser_ney_5gram_perplexity: 6,
          },
        },
      },
      { withPrompt: 4, withoutPrompt: 5, gapNats: 1.6 - 1.5, fiveGram: 6 },
    ],
    [
      'perplexities only',
      { perplexity: { valid: { model_perplexity: 4, model_perplexity_unconditional: 5 } } },
      { withPrompt: 4, withoutPrompt: 5, gapNats: Math.log(5 / 4), fiveGram: null },
    ],
  ])('%s', (_, card, ppl) => {
    expect(perplexityFromCard(card)).toEqual(ppl);
  });
});

const column = (over: Partial<ReturnType<typeof heldOutFigures>>, rightWay: number): ColumnFigures => ({
  heldOut: { ...heldOutFigures([]), ...over },
  tokensPerSecond: 500,
  pitchClassDistance: 0.05,
  featurePairs: FEATURE_PAIRS.map((p) => ({
    label: p.label,
    cases: 30,
    rightWayPct: rightWay,
    meanSmaller: 1,
    meanLarger: 2,
  })),
  references: summariseReferences([]),
});

const figures: EvaluationFigures = {
  alone: column({ meterPct: 96, tonicPct: 90, barLengthsPct: 50, validityPct: 100, copyRatePct: 1 }, 95),
  fitBars: column({ meterPct: 96, tonicPct: 90, barLengthsPct: 100, validityPct: 100, copyRatePct: 1 }, 80),
  unknownWords: { pct: 2.5, words: [{ word: 'mazurka', prompts: 3 }] },
  perplexity: { withPrompt: 4.2, withoutPrompt: 4.9, gapNats: Math.log(4.9 / 4.2), fiveGram: 6.3 },
  corpus: {
    notesInKey: { tunes: 370, inKeyPct: 88.1 },
    types: [
      { type: 'waltz', prompts: 5, tunes: 15, fitsPct: 20, corpusTunes: 5, corpusMeters: '3/4 3, 3/8 2' },
      { type: 'air', prompts: 2, tunes: 6, fitsPct: NaN, corpusTunes: 0, corpusMeters: '' },
    ],
  },
};

describe('markdownTable', () => {
  const lines = markdownTable(figures).split('\n');
  const row = (start: string) => lines.find((l) => l.startsWith(`| ${start}`))!.split(' | ');

  it.each<[string, string, string]>([
    ['meter as asked', '96 ✓', '96 ✓'],
    ['key tonic', '90 ✗', '90 ✗'],
    ['correct bar lengths', '50 ✗', '100'],
    ['validity', '100 ✓', '100 ✓'],
    ['copy rate without', '1 ✓', '1 ✓'],
    ['unknown words', '2.5 ✓', 'same'],
    ['sparse/busy', '95 ✓', '80 ✗'],
    ['mode as asked', '— ✗', '— ✗'],
    ['· final note', '—', '—'],
    ['perplexity', '4.20 / 4.90 (gap 0.154 nats/token); 6.30 ✓', 'same'],
    ['reference: log-likelihood', '— ✗', '— ✗'],
  ])('%s', (start, alone, fitBars) => {
    expect(row(start).slice(1, 3)).toEqual([alone, fitBars]);
  });

  it('counts the misses', () => {
    const marks = reportRows(figures).flatMap((r) => [r.cells.alone.met, r.cells.fitBars.met]);
    const missed = marks.filter((m) => m === false).length;
    expect(lines.at(-1)).toBe(
      `✗ marks a missed target: ${missed} of ${marks.filter((m) => m !== null).length} marked figures.`,
    );
  });

  it('marks a missing perplexity as unknown, not met', () => {
    expect(markdownTable({ ...figures, perplexity: null })).toMatch(/\| perplexity [^|]*\| — \| same \|/);
  });
});

const RUN = { prompts: 100, seeds: 3, pairBases: 3, pairSeeds: 10, referenceTunes: 20, quick: false, minutes: 9 };

describe('evalDocument', () => {
  it('shows the corpus beside the prompts, per type', () => {
    const doc = evalDocument(figures, RUN);
    expect(doc).toContain('| waltz | 5 | 15 | 20 | 5 | 3/4 3, 3/8 2 |');
    expect(doc).toContain('| air | 2 | 6 | — | 0 | — |');
    expect(doc).toMatch(/against their written key \(370 tunes\), % \| 88.1 \| same \|/);
  });

  it('lists the unknown words with the number of prompts using them', () => {
    const doc = evalDocument(figures, RUN);
    expect(doc).toContain('`mazurka` (3)');
    expect(doc).toContain('100 held-out prompts');
  });
});
