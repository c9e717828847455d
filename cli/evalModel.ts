/**
 * npm run eval:model [-- --seeds 3 --out docs/eval-model.md]
 * Generates from a fixed prompt set with fixed seeds, measures validity, bar lengths, meter/key/mode adherence,
 * copy rate, pitch-class distance to the training set and speed, and writes the figures into the model card.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCopyIndex, copyScore } from '../src/explain/copyDetect';
import { abcjsWarnings } from '../src/music/abcjsCheck';
import { badMeasures } from '../src/music/bars';
import { keyFromToken } from '../src/music/key';
import { pitchClassHistogram } from '../src/music/features';
import { DEFAULT_SETTINGS, generate, type GenerationSettings } from '../src/runtime/decode';
import { tokensToEvents } from '../src/tokenizer/musicTokens';
import { parseOptions, runCli } from './args';
import { readCatalogue, tokensToSequence } from './catalogue';
import { replaceSection } from './readmeSection';
import { DEFAULT_MODEL_DIR, loadNodeModel } from './nodeModel';

interface Ask {
  readonly prompt: string;
  readonly meter: string;
  readonly tonic: string;
  readonly mode: string;
}

const TYPES: [string, string][] = [
  ['jig', '6/8'],
  ['reel', '4/4'],
  ['hornpipe', '4/4'],
  ['waltz', '3/4'],
  ['slip jig', '9/8'],
  ['march', '2/4'],
  ['air', '3/4'],
  ['polka', '2/4'],
];
const KEYS: [string, string, string][] = [
  ['d', 'D', 'maj'],
  ['g', 'G', 'maj'],
  ['a', 'A', 'min'],
  ['e', 'E', 'min'],
  ['a', 'A', 'dor'],
  ['d', 'D', 'mix'],
  ['f', 'F', 'maj'],
  ['b', 'B', 'min'],
];
const MODE_WORD: Record<string, string> = { maj: 'major', min: 'minor', dor: 'dorian', mix: 'mixolydian' };

/** The fixed prompt set: every tune type with three keys, in rotation. */
export const EVAL_PROMPTS: Ask[] = TYPES.flatMap(([type, meter], i) =>
  [0, 3, 5].map((k) => {
    const [word, tonic, mode] = KEYS[(i + k) % KEYS.length];
    return { prompt: `a ${type} in ${word} ${MODE_WORD[mode]} in ${meter}`, meter, tonic, mode };
  }),
);

interface Outcome {
  valid: boolean;
  barsOk: boolean;
  meterOk: boolean;
  keyOk: boolean;
  modeOk: boolean;
  copied: boolean;
  tokens: number;
  ms: number;
}

const pct = (xs: Outcome[], f: (o: Outcome) => boolean) => Math.round((1000 * xs.filter(f).length) / xs.length) / 10;

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), {
    seeds: { kind: 'integer', min: 1, max: 20 },
    out: { kind: 'string' },
    'model-dir': { kind: 'string' },
  });
  const seeds = (o.seeds as number | undefined) ?? 3;
  const modelDir = (o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR;
  const outPath = (o.out as string | undefined) ?? 'docs/eval-model.md';
  const model = await loadNodeModel(modelDir);
  const catalogue = readCatalogue();
  const train = catalogue.entries.filter((e) => e.split === 'train');
  const copyIndex = buildCopyIndex(catalogue.entries.map((e) => ({ id: e.id, seq: tokensToSequence(e.tokens) })));
  const trainHist = new Float64Array(12);
  for (const e of train)
    pitchClassHistogram(tokensToSequence(e.tokens)).forEach((v, i) => (trainHist[i] += v / train.length));

  const runs: Record<string, { settings: GenerationSettings; outcomes: Outcome[]; hist: Float64Array }> = {
    'fit-bars on (default)': { settings: DEFAULT_SETTINGS, outcomes: [], hist: new Float64Array(12) },
    'fit-bars off (model alone)': {
      settings: { ...DEFAULT_SETTINGS, fitBars: false },
      outcomes: [],
      hist: new Float64Array(12),
    },
  };
  for (const [name, run] of Object.entries(runs)) {
    for (const ask of EVAL_PROMPTS) {
      for (let seed = 1; seed <= seeds; seed++) {
        const prompt = model.vocab.encodePrompt(ask.prompt);
        const r = await generate(model.runner, model.vocab, prompt, [], { ...run.settings, seed });
        const strict = (() => {
          try {
            return tokensToEvents(r.tokens, true);
          } catch {
            return null;
          }
        })();
        const seq = tokensToSequence(r.tokens);
        pitchClassHistogram(seq).forEach((v, i) => (run.hist[i] += v));
        run.outcomes.push({
          valid: strict !== null && strict.meter !== null && strict.key !== null && abcjsWarnings(r.abc).length === 0,
          barsOk: strict !== null && strict.meter !== null && badMeasures(strict.meter, strict.events).length === 0,
          meterOk: r.tokens[0] === `M:${ask.meter}`,
          keyOk: keyFromToken(r.tokens[1] ?? '')?.tonic === ask.tonic,
          modeOk: keyFromToken(r.tokens[1] ?? '')?.mode === ask.mode,
          copied: copyScore(seq, copyIndex).flagged,
          tokens: r.tokens.length,
          ms: r.timings.totalMs,
        });
      }
      process.stderr.write('.');
    }
    process.stderr.write(` ${name}\n`);
  }

  const figures = Object.fromEntries(
    Object.entries(runs).map(([name, run]) => {
      const xs = run.outcomes;
      const total = run.hist.reduce((a, b) => a + b, 0);
      const tv = 0.5 * run.hist.reduce((a, v, i) => a + Math.abs(v / total - trainHist[i]), 0);
      const tokens = xs.reduce((a, x) => a + x.tokens, 0);
      const ms = xs.reduce((a, x) => a + x.ms, 0);
      return [
        name,
        {
          generations: xs.length,
          validityPct: pct(xs, (x) => x.valid),
          barLengthsPct: pct(xs, (x) => x.barsOk),
          meterAdherencePct: pct(xs, (x) => x.meterOk),
          keyAdherencePct: pct(xs, (x) => x.keyOk),
          modeAdherencePct: pct(xs, (x) => x.modeOk),
          keyAndModeAdherencePct: pct(xs, (x) => x.keyOk && x.modeOk),
          copyRatePct: pct(xs, (x) => x.copied),
          pitchClassDistance: Math.round(tv * 1000) / 1000,
          meanTokens: Math.round(tokens / xs.length),
          tokensPerSecondNode: Math.round(tokens / (ms / 1000)),
        },
      ];
    }),
  );
  const evaluation = {
    command: 'npm run eval:model',
    prompts: EVAL_PROMPTS.length,
    seeds,
    settings: { ...DEFAULT_SETTINGS, seed: `1..${seeds}` },
    targets: { validityPct: 98, barLengthsPct: 95, meterAdherencePct: 95, keyAndModeAdherencePct: 90, copyRatePct: 3 },
    notes: {
      barLengthsPct: 'share of tunes whose every bar fits the meter (short bars allowed only at section edges)',
      copyRatePct:
        'share of tunes with at least half of their bars (3+ notes, transposition-invariant) found in one catalogue tune',
      pitchClassDistance:
        'total variation distance between pitch-class histograms (duration-weighted) of the generations and the training split',
      tokensPerSecondNode: 'onnxruntime-node on this machine, guidance on (two rows per step)',
    },
    figures,
    measuredAt: new Date().toISOString(),
  };
  const cardPath = join(modelDir, 'model-card.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(cardPath, JSON.stringify({ ...card, evaluation }, null, 1));
  mkdirSync(dirname(outPath), { recursive: true });
  const table = markdown(evaluation.figures, evaluation.targets, EVAL_PROMPTS.length, seeds);
  writeFileSync(outPath, table);
  replaceSection('README.md', 'eval', table.replace(/^# .*\n\n/, ''));
  process.stdout.write(JSON.stringify(evaluation, null, 1) + '\n');
}

function markdown(
  figures: Record<string, Record<string, number>>,
  targets: Record<string, number>,
  prompts: number,
  seeds: number,
): string {
  const names = Object.keys(figures);
  const rows: [string, string, string][] = [
    ['validityPct', 'parse validity (abcjs), %', `≥ ${targets.validityPct}`],
    ['barLengthsPct', 'tunes with correct bar lengths, %', `≥ ${targets.barLengthsPct}`],
    ['meterAdherencePct', 'meter adherence, %', `≥ ${targets.meterAdherencePct}`],
    ['keyAdherencePct', 'key (tonic) adherence, %', ''],
    ['modeAdherencePct', 'mode adherence, %', ''],
    ['keyAndModeAdherencePct', 'key and mode adherence, %', `≥ ${targets.keyAndModeAdherencePct}`],
    ['copyRatePct', 'copy rate, %', `≤ ${targets.copyRatePct}`],
    ['pitchClassDistance', 'pitch-class distance to training set (TV)', ''],
    ['meanTokens', 'mean tokens per tune', ''],
    ['tokensPerSecondNode', 'tokens per second (onnxruntime-node)', ''],
  ];
  return [
    '# Model evaluation',
    '',
    `Written by \`npm run eval:model\`: ${prompts} prompts × ${seeds} seeds per column, default sampling settings.`,
    '',
    `| figure | ${names.join(' | ')} | target |`,
    `| --- | ${names.map(() => '---:').join(' | ')} | --- |`,
    ...rows.map(([k, label, target]) => `| ${label} | ${names.map((n) => figures[n][k]).join(' | ')} | ${target} |`),
    '',
  ].join('\n');
}

void runCli(main);
