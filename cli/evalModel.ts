/**
 * npm run eval:model [-- --seeds 3 --model-dir public/models --out docs/eval-model.md --quick]
 * Measures the model against issue 9's targets on the held-out prompts (cli/eval/heldOutPrompts.json): header
 * adherence, whether the notes are in the asked key, bar lengths, validity, copying, unknown words, opposite
 * feature words and reference conditioning, each with fit-bars off (the model alone) and on. Writes the figures
 * into the model card (`evaluation`), a document, and for a full run of the shipped model the README's table
 * (cli/eval/outputs.ts says which). --quick measures a small subset, to check that everything runs.
 * Size: per column 109 prompts x 3 seeds + 4 pairs x 3 prompts x 10 seeds x 2 words + 20 references x 3 tunes,
 * about 1,250 tunes in all, some 250,000 decode steps: about 5 minutes at 1 ms a step on one core.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCopyIndex } from '../src/explain/copyDetect';
import { pitchClassHistogram } from '../src/music/features';
import type { GenerationSettings } from '../src/runtime/decode';
import { parseOptions, runCli } from './args';
import { readCatalogue, tokensToSequence } from './catalogue';
import { corpusNotesInKey, typeRows } from './eval/corpusContext';
import { FEATURE_PAIRS, PAIR_BASE_PROMPTS, pairJobs, summarisePairs } from './eval/featurePairs';
import { heldOutFigures, unknownWords, type TuneOutcome } from './eval/measures';
import { outputPlan } from './eval/outputs';
import { loadPromptSet, type Ask } from './eval/prompts';
import { chooseReferenceCases, summariseReferences } from './eval/references';
import {
  evalDocument,
  perplexityFromCard,
  readmeSection,
  type ColumnFigures,
  type EvaluationFigures,
  type RunInfo,
} from './eval/report';
import { MODEL_ALONE, runFeaturePairs, runHeldOut, runReferences, type EvalModel } from './eval/run';
import { replaceSection } from './readmeSection';
import { DEFAULT_MODEL_DIR, loadNodeModel } from './nodeModel';

/** The columns differ only in fitBars. */
const COLUMNS = { alone: MODEL_ALONE, fitBars: { ...MODEL_ALONE, fitBars: true } } as const;

const FULL = { pairBases: PAIR_BASE_PROMPTS.length, pairSeeds: 10, referenceTunes: 20 };
const QUICK = { promptStride: 7, seeds: 1, pairBases: 1, pairSeeds: 3, referenceTunes: 4 };

const progress = (label: string) => {
  process.stderr.write(`${label} `);
  return () => process.stderr.write('.');
};

async function measureColumn(
  model: EvalModel,
  settings: GenerationSettings,
  asks: readonly Ask[],
  plan: { seeds: number; pairBases: number; pairSeeds: number; referenceTunes: number },
  catalogue: ReturnType<typeof readCatalogue>,
  copyIndex: ReturnType<typeof buildCopyIndex>,
  trainHist: Float64Array,
) {
  const heldOut = await runHeldOut(model, asks, plan.seeds, settings, copyIndex, progress('held-out prompts'));
  const jobs = pairJobs(FEATURE_PAIRS, PAIR_BASE_PROMPTS.slice(0, plan.pairBases), plan.pairSeeds);
  const pairs = await runFeaturePairs(model, jobs, settings, progress('\nfeature pairs'));
  const cases = chooseReferenceCases(catalogue.entries, plan.referenceTunes, (t) => model.vocab.hasMusic(t));
  const refs = await runReferences(model, cases, settings, copyIndex, progress('\nreferences'));
  process.stderr.write('\n');
  const total = heldOut.pitchClasses.reduce((a, b) => a + b, 0);
  const tv = 0.5 * heldOut.pitchClasses.reduce((a, v, i) => a + Math.abs(v / (total || 1) - trainHist[i]), 0);
  const figures: ColumnFigures = {
    heldOut: heldOutFigures(heldOut.outcomes.flat()),
    tokensPerSecond: Math.round(heldOut.tokens / (heldOut.ms / 1000)),
    pitchClassDistance: Math.round(tv * 1000) / 1000,
    featurePairs: summarisePairs(FEATURE_PAIRS, pairs),
    references: summariseReferences(refs),
  };
  return { figures, heldOut, referenceIds: cases.map((c) => c.id) };
}

/** Per prompt, how many of its tunes met each figure it asks for, and the headers written: for reading misses. */
function perPrompt(asks: readonly Ask[], outcomes: TuneOutcome[][], headers: string[][]) {
  const count = (xs: TuneOutcome[], f: (x: TuneOutcome) => boolean | null | undefined) =>
    f(xs[0]) === null || f(xs[0]) === undefined ? undefined : `${xs.filter((x) => f(x) === true).length}/${xs.length}`;
  return asks.map((ask, i) => ({
    prompt: ask.text,
    meter: count(outcomes[i], (x) => x.meterOk),
    keyAndMode: count(outcomes[i], (x) => (x.tonicOk === null ? null : x.tonicOk && x.modeOk === true)),
    typeMeter: count(outcomes[i], (x) => x.typeMeterOk),
    notesInKey: count(outcomes[i], (x) => x.noteKey?.inKey),
    written: headers[i],
  }));
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), {
    seeds: { kind: 'integer', min: 1, max: 20 },
    out: { kind: 'string' },
    'model-dir': { kind: 'string' },
    quick: { kind: 'flag' },
  });
  const quick = o.quick === true;
  const modelDir = (o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR;
  const outputs = outputPlan({ modelDir, shippedDir: DEFAULT_MODEL_DIR, out: o.out as string | undefined, quick });
  const all = loadPromptSet().prompts;
  const asks = quick ? all.filter((_, i) => i % QUICK.promptStride === 0) : all;
  const plan = {
    ...(quick ? QUICK : FULL),
    seeds: (o.seeds as number | undefined) ?? (quick ? QUICK.seeds : 3),
  };
  const started = performance.now();
  const model = await loadNodeModel(modelDir);
  const catalogue = readCatalogue();
  const copyIndex = buildCopyIndex(catalogue.entries.map((e) => ({ id: e.id, seq: tokensToSequence(e.tokens) })));
  const train = catalogue.entries.filter((e) => e.split === 'train');
  const trainHist = new Float64Array(12);
  for (const e of train)
    pitchClassHistogram(tokensToSequence(e.tokens)).forEach((v, i) => (trainHist[i] += v / train.length));

  process.stderr.write(`model alone (fit-bars off)\n`);
  const alone = await measureColumn(model, COLUMNS.alone, asks, plan, catalogue, copyIndex, trainHist);
  process.stderr.write(`fit-bars on\n`);
  const fitBars = await measureColumn(model, COLUMNS.fitBars, asks, plan, catalogue, copyIndex, trainHist);

  const cardPath = join(modelDir, 'model-card.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as Record<string, unknown>;
  const figures: EvaluationFigures = {
    alone: alone.figures,
    fitBars: fitBars.figures,
    unknownWords: unknownWords(
      asks.map((a) => a.text),
      model.vocab,
    ),
    perplexity: perplexityFromCard(card),
    corpus: {
      notesInKey: corpusNotesInKey(catalogue.entries, tokensToSequence),
      types: typeRows(asks, alone.heldOut.outcomes, catalogue.entries),
    },
  };
  const minutes = Math.round((performance.now() - started) / 6000) / 10;
  const run: RunInfo = {
    prompts: asks.length,
    seeds: plan.seeds,
    pairBases: plan.pairBases,
    pairSeeds: plan.pairSeeds,
    referenceTunes: plan.referenceTunes,
    quick,
    minutes,
  };
  const evaluation = {
    command: `npm run eval:model${quick ? ' -- --quick' : ''}`,
    heldOutPrompts: 'cli/eval/heldOutPrompts.json',
    run,
    settings: Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, { ...v, seed: `1..${plan.seeds}` }])),
    figures,
    referenceTunes: alone.referenceIds,
    perPrompt: perPrompt(asks, alone.heldOut.outcomes, alone.heldOut.headers),
    measuredAt: new Date().toISOString(),
  };
  if (outputs.card) writeFileSync(cardPath, JSON.stringify({ ...card, evaluation }, null, 1));
  mkdirSync(dirname(outputs.doc), { recursive: true });
  writeFileSync(outputs.doc, evalDocument(figures, run));
  if (outputs.readme) replaceSection('README.md', 'eval', readmeSection(figures, run));
  process.stderr.write(
    `wrote ${[outputs.card && cardPath, outputs.doc, outputs.readme && 'README.md'].filter(Boolean).join(', ')} ` +
      `in ${minutes} min\n`,
  );
  process.stdout.write(JSON.stringify({ run, figures }, null, 1) + '\n');
}

void runCli(main);
