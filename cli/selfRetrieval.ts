/**
 * npx tsx cli/selfRetrieval.ts [--tunes 200] [--seed 1] [--out bench-results/attribution-self-retrieval.json]
 *   [--docs docs/attribution.md] [--model-dir DIR] [--index-dir DIR]
 * Gives each of N randomly drawn (seeded) training tunes to the neighbour measures as if it were a generation and
 * reports how often the tune itself comes first among the training tunes, with per-query timings in Node. Writes
 * the figures to --out and into the marked table of --docs (run by npm run catalogue:index after the precompute).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  findNeighbours,
  type NeighbourCatalogue,
  type NeighbourMeasure,
  type NeighbourQuery,
} from '../src/explain/neighbours';
import { tokensToNoteSequence } from '../src/explain/neighboursIndex';
import { textEmbedding, musicEmbedding } from '../src/explain/embedding';
import { gradientSketch } from '../src/explain/gradient';
import { neighbourQueryVectors, readingTargets } from '../src/explain/neighboursQuery';
import { mulberry32 } from '../src/runtime/prng';
import { readTune } from '../src/runtime/score';
import { parseOptions, runCli } from './args';
import { readCatalogue } from './catalogue';
import { loadNeighbourCatalogue } from './neighboursSetup';
import { DEFAULT_MODEL_DIR, loadNodeModel, type LoadedModel } from './nodeModel';

/** A way of posing a catalogue tune as the query. */
export interface Condition {
  readonly name: string;
  readonly measure: NeighbourMeasure;
  readonly note: string;
}

export const CONDITIONS: readonly Condition[] = [
  {
    name: 'gradient, first caption',
    measure: 'gradient',
    note: 'read under the caption the index used: checks the pipeline end to end',
  },
  { name: 'gradient, second caption', measure: 'gradient', note: 'read under a paraphrase the index did not use' },
  { name: 'gradient, no prompt', measure: 'gradient', note: 'read under the empty prompt' },
  { name: 'music', measure: 'music', note: 'mean hidden state under the empty prompt, as indexed' },
  { name: 'n-gram', measure: 'ngram', note: "the tune's own notes; ties broken by Jaccard" },
  {
    name: 'text, first caption',
    measure: 'text',
    note: 'the first caption as the prompt, against the mean of all four',
  },
];

export interface ConditionResult {
  readonly name: string;
  readonly measure: NeighbourMeasure;
  readonly note: string;
  readonly top1Pct: number;
  readonly top10Pct: number;
  readonly medianRank: number;
  readonly meanReciprocalRank: number;
  /** Mean milliseconds of the ranking pass over the catalogue (findNeighbours, k = 10), Node. */
  readonly rankMs: number;
}

export interface SelfRetrievalReport {
  readonly command: string;
  readonly tunes: number;
  readonly seed: number;
  readonly candidates: number;
  readonly modelSha256: string;
  readonly conditions: readonly ConditionResult[];
  readonly timingsMs: Readonly<Record<string, number>>;
  readonly failures: Readonly<Record<string, readonly string[]>>;
  readonly measuredAt: string;
}

/** `count` distinct training positions drawn with a seeded PRNG (partial Fisher-Yates). */
export function sampleTraining(training: Uint8Array, count: number, seed: number): number[] {
  const pool: number[] = [];
  training.forEach((t, i) => t && pool.push(i));
  const rand = mulberry32(seed);
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

interface Setup {
  readonly model: LoadedModel;
  readonly catalogue: NeighbourCatalogue;
  readonly captions: readonly (readonly string[])[];
  readonly tokens: readonly (readonly string[])[];
  readonly loadMs: number;
}

export async function setup(modelDir = DEFAULT_MODEL_DIR, indexDir?: string): Promise<Setup> {
  const t0 = performance.now();
  const model = await loadNodeModel(modelDir);
  const entries = readCatalogue().entries;
  const { catalogue } = loadNeighbourCatalogue(entries, ['text', 'music', 'gradient', 'ngram'], {
    dir: indexDir,
    decoderSha256: model.modelSha256,
  });
  return {
    model,
    catalogue,
    captions: entries.map((e) => e.captions),
    tokens: entries.map((e) => e.tokens),
    loadMs: performance.now() - t0,
  };
}

/** The query vectors of catalogue tune `i` under every condition, from one batched reading. */
async function queries(s: Setup, i: number): Promise<NeighbourQuery[]> {
  const { model, catalogue } = s;
  const tokens = s.tokens[i];
  const ids = (c: number) => model.vocab.encodePrompt(s.captions[i][c] ?? '').ids;
  const prompts = [ids(0), ids(1 % s.captions[i].length), model.vocab.nullPrompt()];
  const readings = await readTune(model.runner, model.vocab, prompts, tokens);
  const targets = readingTargets(model.vocab, tokens);
  const sketch = (r: number) => gradientSketch(readings[r], targets, catalogue.sketch!);
  return [
    { gradientSketch: sketch(0) },
    { gradientSketch: sketch(1) },
    { gradientSketch: sketch(2) },
    { musicEmbedding: musicEmbedding(readings[2].hidden) },
    { sequence: tokensToNoteSequence(tokens) },
    {
      textEmbedding: textEmbedding(await model.runner.encode(prompts[0]), prompts[0].length, model.card.config.d_model),
    },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function selfRetrieval(
  s: Setup,
  tunes: number,
  seed: number,
  withTimings = true,
): Promise<SelfRetrievalReport> {
  const sample = sampleTraining(s.catalogue.training, tunes, seed);
  const ranks = CONDITIONS.map(() => [] as number[]);
  const rankMs = CONDITIONS.map(() => 0);
  const failures: Record<string, string[]> = {};
  for (const i of sample) {
    const qs = await queries(s, i);
    CONDITIONS.forEach((c, ci) => {
      const t0 = performance.now();
      const list = findNeighbours(
        { catalogue: s.catalogue, query: qs[ci] },
        { measure: c.measure, k: 10, candidates: 'train', ngramScore: 'containment' },
      );
      rankMs[ci] += performance.now() - t0;
      const rank = list.ranks[i];
      ranks[ci].push(rank);
      if (rank !== 1)
        (failures[c.name] ??= []).push(`${s.catalogue.ids[i]} ranked ${rank}, first: ${list.neighbours[0]?.id}`);
    });
  }
  const timingsMs = withTimings ? await queryTimings(s, sample.slice(0, 20)) : {};
  return {
    command: `npx tsx cli/selfRetrieval.ts --tunes ${tunes} --seed ${seed}`,
    tunes: sample.length,
    seed,
    candidates: s.catalogue.training.reduce((a, x) => a + x, 0),
    modelSha256: s.model.modelSha256,
    conditions: CONDITIONS.map((c, ci) => ({
      ...c,
      top1Pct: round((100 * ranks[ci].filter((r) => r === 1).length) / sample.length),
      top10Pct: round((100 * ranks[ci].filter((r) => r >= 1 && r <= 10).length) / sample.length),
      medianRank: median(ranks[ci]),
      meanReciprocalRank: round(ranks[ci].reduce((a, r) => a + (r ? 1 / r : 0), 0) / sample.length, 3),
      rankMs: round(rankMs[ci] / sample.length, 2),
    })),
    timingsMs: { ...timingsMs, loadCatalogueAndIndexes: round(s.loadMs, 0) },
    failures,
    measuredAt: new Date().toISOString(),
  };
}

/** Mean milliseconds of computing a generation's query vectors (one teacher-forced pass, then the sketch). */
async function queryTimings(s: Setup, sample: number[]): Promise<Record<string, number>> {
  const query = (i: number, measure: NeighbourMeasure) =>
    neighbourQueryVectors(s.model.runner, s.model.vocab, {
      prompt: s.model.vocab.encodePrompt(s.captions[i][0]).ids,
      tokens: s.tokens[i],
      measures: [measure],
      sketch: s.catalogue.sketch,
    });
  const time = async (measure: NeighbourMeasure) => {
    await query(sample[0], measure); // warm-up: first runs compile and allocate
    const t0 = performance.now();
    for (const i of sample) await query(i, measure);
    return round((performance.now() - t0) / sample.length, 1);
  };
  return {
    queryVectorsGradient: await time('gradient'),
    queryVectorsMusic: await time('music'),
    queryVectorsText: await time('text'),
  };
}

export function markdownTable(r: SelfRetrievalReport): string {
  const rows = r.conditions.map(
    (c) =>
      `| ${c.name} | ${c.top1Pct}% | ${c.top10Pct}% | ${c.medianRank} | ${c.meanReciprocalRank} | ${c.rankMs} | ${c.note} |`,
  );
  return [
    `${r.tunes} training tunes drawn with seed ${r.seed}, ranked among ${r.candidates} training tunes; model decoder ${r.modelSha256.slice(0, 12)}; measured ${r.measuredAt.slice(0, 10)} with \`${r.command}\`.`,
    '',
    '| query | ranks itself first | in top 10 | median rank | MRR | ranking ms (Node) | how the tune is posed |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Query vectors in Node (onnxruntime-node, one thread), mean over 20 tunes: gradient ${r.timingsMs.queryVectorsGradient} ms, ` +
      `music ${r.timingsMs.queryVectorsMusic} ms, text ${r.timingsMs.queryVectorsText} ms; loading the catalogue and ` +
      `all indexes ${r.timingsMs.loadCatalogueAndIndexes} ms.`,
  ].join('\n');
}

const BEGIN = '<!-- self-retrieval:begin -->';
const END = '<!-- self-retrieval:end -->';

export function replaceMarked(doc: string, table: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`the document has no ${BEGIN} ... ${END} section`);
  return `${doc.slice(0, a + BEGIN.length)}\n${table}\n${doc.slice(b)}`;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), {
    tunes: { kind: 'integer', min: 1, max: 3000 },
    seed: { kind: 'integer', min: 0 },
    out: { kind: 'string' },
    docs: { kind: 'string' },
    'model-dir': { kind: 'string' },
    'index-dir': { kind: 'string' },
  });
  const s = await setup(
    (o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR,
    o['index-dir'] as string | undefined,
  );
  const report = await selfRetrieval(s, (o.tunes as number | undefined) ?? 200, (o.seed as number | undefined) ?? 1);
  const out = (o.out as string | undefined) ?? 'bench-results/attribution-self-retrieval.json';
  writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
  const docs = (o.docs as string | undefined) ?? 'docs/attribution.md';
  writeFileSync(docs, replaceMarked(readFileSync(docs, 'utf8'), markdownTable(report)));
  process.stdout.write(markdownTable(report) + `\nwrote ${out} and ${docs}\n`);
}

if (process.argv[1]?.endsWith('selfRetrieval.ts')) void runCli(main);
