/**
 * npm run neighbours -- --measure text|music|ngram|gradient [--k 10] [--candidates train|all]
 *   [--ngram-score containment|jaccard] [--json] [--model-dir DIR] [--index-dir DIR] and one query:
 *     --prompt "<text>" [--seed N] [generation options]   a new generation (as npm run generate makes it)
 *     --abc-file F [--prompt "<text>"]                     a tune from an ABC file, read under the prompt if given
 *     --catalogue-id ID [--prompt "<text>"]                a catalogue tune, under its first caption by default
 * Prints the nearest catalogue tunes under the measure, or with --json one object
 * {query, measure, method, k, neighbours: [{rank, id, title, score, label, credits, passages?}]}.
 */
import { readFileSync } from 'node:fs';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { AbcError } from '../src/music/abcParse';
import {
  findNeighbours,
  MAX_NEIGHBOURS,
  NEIGHBOUR_MEASURES,
  type NeighbourList,
  type NeighbourMeasure,
  type NeighbourSettings,
} from '../src/explain/neighbours';
import { tokensToNoteSequence } from '../src/explain/neighboursIndex';
import { neighbourQueryVectors } from '../src/explain/neighboursQuery';
import { generate } from '../src/runtime/decode';
import { promptWords } from '../src/tokenizer/textTokens';
import { abcToTokens } from '../src/tokenizer/musicTokens';
import { parseOptions, runCli, UsageError, type OptionSpec, type ParsedOptions } from './args';
import { readCatalogue } from './catalogue';
import { GENERATION_OPTIONS, settingsFrom } from './generate';
import { loadNeighbourCatalogue } from './neighboursSetup';
import { DEFAULT_MODEL_DIR, loadNodeModel, type LoadedModel } from './nodeModel';

export const NEIGHBOUR_OPTIONS: Record<string, OptionSpec> = {
  ...GENERATION_OPTIONS,
  'abc-file': { kind: 'string' },
  'catalogue-id': { kind: 'string' },
  measure: { kind: 'string', choices: NEIGHBOUR_MEASURES },
  k: { kind: 'integer', min: 1, max: MAX_NEIGHBOURS },
  candidates: { kind: 'string', choices: ['train', 'all'] },
  'ngram-score': { kind: 'string', choices: ['containment', 'jaccard'] },
  'index-dir': { kind: 'string' },
};

interface Query {
  readonly source: 'generation' | 'abc-file' | 'catalogue';
  /** The prompt the tune is read under; null for none. */
  readonly prompt: string | null;
  readonly promptSource: 'option' | 'first caption' | null;
  readonly tokens: readonly string[];
  readonly abc?: string;
  readonly id?: string;
  readonly file?: string;
  readonly seed?: number;
}

/** Checks the combination of options before anything slow is loaded. */
export function checkRequest(o: ParsedOptions): { measure: NeighbourMeasure; source: Query['source'] } {
  const sources = (['abc-file', 'catalogue-id'] as const).filter((s) => o[s] !== undefined);
  if (sources.length > 1) throw new UsageError('give one of --abc-file and --catalogue-id, not both');
  const source = sources[0] === 'abc-file' ? 'abc-file' : sources[0] === 'catalogue-id' ? 'catalogue' : 'generation';
  if (source === 'generation' && o.prompt === undefined) {
    throw new UsageError('give a query: --prompt "<text>" (a new generation), --abc-file FILE or --catalogue-id ID');
  }
  if (o.measure === undefined) throw new UsageError(`--measure is required (${NEIGHBOUR_MEASURES.join(', ')})`);
  const measure = o.measure as NeighbourMeasure;
  const hasWords = typeof o.prompt === 'string' && promptWords(o.prompt).length > 0;
  if (measure === 'text' && !hasWords && source !== 'catalogue') {
    throw new UsageError('--measure text compares a prompt with the captions: give --prompt with at least one word');
  }
  return { measure, source };
}

function tuneFromFile(path: string, model: LoadedModel | null): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read --abc-file ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  if (!text.trim()) throw new UsageError(`--abc-file ${path} is empty`);
  let tokens: string[];
  try {
    tokens = abcToTokens(text.replace(/^\s+/, ''));
  } catch (e) {
    if (e instanceof AbcError)
      throw new UsageError(`--abc-file ${path} is not a tune the model can read: ${e.message}`);
    throw e;
  }
  if (!tokens.some((t) => /^[\^_=]*[A-Ga-g]/.test(t))) throw new UsageError(`--abc-file ${path} has no notes`);
  if (model) {
    const unknown = [...new Set(tokens.filter((t) => !model.vocab.hasMusic(t)))];
    if (unknown.length)
      throw new UsageError(`--abc-file ${path} uses tokens the model does not know: ${unknown.join(' ')}`);
    const max = model.card.config.max_music - 1;
    if (tokens.length > max)
      throw new UsageError(`--abc-file ${path} has ${tokens.length} tokens; the model reads at most ${max}`);
  }
  return tokens;
}

async function resolveQuery(
  o: ParsedOptions,
  source: Query['source'],
  entries: readonly CatalogueEntry[],
  model: LoadedModel | null,
): Promise<Query> {
  const prompt = (o.prompt as string | undefined) ?? null;
  if (source === 'catalogue') {
    const entry = entries.find((e) => e.id === o['catalogue-id']);
    if (!entry)
      throw new UsageError(
        `unknown catalogue id "${o['catalogue-id']}" (ids look like ${entries[0]?.id ?? 'collection-book-0001'})`,
      );
    const own = prompt ?? entry.captions[0] ?? null;
    return {
      source,
      id: entry.id,
      prompt: own,
      promptSource: prompt !== null ? 'option' : 'first caption',
      tokens: entry.tokens,
      abc: entry.abc,
    };
  }
  if (source === 'abc-file') {
    const file = o['abc-file'] as string;
    return { source, file, prompt, promptSource: prompt !== null ? 'option' : null, tokens: tuneFromFile(file, model) };
  }
  const settings = settingsFrom(o);
  const encoded = model!.vocab.encodePrompt(prompt ?? '');
  let result;
  try {
    result = await generate(model!.runner, model!.vocab, encoded, [], settings);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  return { source, prompt, promptSource: 'option', tokens: result.tokens, abc: result.abc, seed: settings.seed };
}

export async function neighboursFor(
  o: ParsedOptions,
): Promise<{ query: Query; list: NeighbourList; entries: readonly CatalogueEntry[]; model: LoadedModel | null }> {
  const { measure, source } = checkRequest(o);
  const entries = readCatalogue().entries;
  if (source === 'catalogue' && !entries.some((e) => e.id === o['catalogue-id'])) {
    throw new UsageError(
      `unknown catalogue id "${o['catalogue-id']}" (ids look like ${entries[0]?.id ?? 'collection-book-0001'})`,
    );
  }
  if (source === 'abc-file') tuneFromFile(o['abc-file'] as string, null); // bad files fail before the model loads
  const needsModel = measure !== 'ngram' || source === 'generation';
  const modelDir = (o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR;
  const model = needsModel ? await loadNodeModel(modelDir) : null;
  const query = await resolveQuery(o, source, entries, model);
  const { catalogue, header } = loadNeighbourCatalogue(entries, [measure], {
    dir: o['index-dir'] as string | undefined,
    decoderSha256: model?.modelSha256,
  });
  const settings: NeighbourSettings = {
    measure,
    k: (o.k as number | undefined) ?? 10,
    candidates: (o.candidates as 'train' | 'all' | undefined) ?? 'train',
    ngramScore: (o['ngram-score'] as 'containment' | 'jaccard' | undefined) ?? 'containment',
  };
  const encoded = query.prompt === null || !model ? null : model.vocab.encodePrompt(query.prompt);
  const vectors =
    measure === 'ngram'
      ? {}
      : await neighbourQueryVectors(model!.runner, model!.vocab, {
          prompt: encoded && !encoded.empty ? encoded.ids : null,
          tokens: query.tokens,
          measures: [measure],
          sketch: catalogue.sketch ?? header?.sets.gradient ?? null,
        });
  const list = findNeighbours(
    { catalogue, query: { ...vectors, sequence: tokensToNoteSequence(query.tokens) } },
    settings,
  );
  if (list.unavailable) throw new UsageError(`the ${measure} measure cannot rank this query: ${list.unavailable}`);
  return { query, list, entries, model };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), NEIGHBOUR_OPTIONS);
  const { query, list, entries, model } = await neighboursFor(o);
  const neighbours = list.neighbours.map((n) => ({
    rank: n.rank,
    id: n.id,
    title: n.title,
    score: Number(n.score.toFixed(6)),
    label: n.label,
    credits: entries[n.index].credits,
    ...(n.passages ? { passages: n.passages } : {}),
  }));
  if (o.json) {
    const q = {
      ...query,
      tokens: query.tokens.length,
      promptWords: query.prompt === null ? [] : promptWords(query.prompt),
    };
    const out = {
      query: q,
      measure: list.measure,
      method: list.label,
      k: list.k,
      candidates: list.candidates,
      modelSha256: model?.modelSha256 ?? null,
      neighbours,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const what = query.id ?? query.file ?? `generation (seed ${query.seed})`;
  process.stdout.write(`${list.label}\nquery: ${what}${query.prompt !== null ? ` under "${query.prompt}"` : ''}\n`);
  for (const n of neighbours) {
    process.stdout.write(
      `${String(n.rank).padStart(3)}. ${n.score.toFixed(3).padStart(7)}  ${n.title} (${n.id}) - ${n.credits.collection}\n`,
    );
  }
}

if (process.argv[1]?.endsWith('neighbours.ts')) void runCli(main);
