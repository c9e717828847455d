/**
 * npm run generate -- --prompt "<text>" [--seed N] [--temperature T] [--top-k K] [--top-p P] [--guidance G]
 *   [--reference-weight W] [--max-tokens M] [--meter 6/8] [--key D] [--mode major|minor|dorian|mixolydian] [--prefix "<abc>"]
 *   [--reference <catalogue-id>[:<first>-<last>]] [--reference-abc <file>[:<first>-<last>]]
 *   [--free-bars] [--json] [--model-dir DIR]
 * Prints the tune as ABC, or with --json one JSON object. References (up to 3 in all, in the order given) are
 * bar ranges the model reads beside the prompt; without a range, the whole tune if it fits, else bars 1-4. The
 * ABC then lists them in "% reference-N:" comments with their credits (user ABC by a hash of its tokens), and
 * --json adds the same to each reference.
 */
import { DEFAULT_SETTINGS, generate, SETTING_RANGES, type GenerationSettings } from '../src/runtime/decode';
import type { Mode } from '../src/music/key';
import { parseOptions, readOptions, runCli, UsageError, type OptionSpec } from './args';
import { readCatalogue, type CatalogueFile } from './catalogue';
import { loadNodeModel, DEFAULT_MODEL_DIR } from './nodeModel';
import { prefixTokens } from './prefix';
import {
  abcWithReferences,
  checkReferenceVocab,
  REFERENCE_OPTIONS,
  referencesFrom,
  referencesProvenance,
  referenceSummary,
} from './references';

const MODE_NAMES: Record<string, Mode> = { major: 'maj', minor: 'min', dorian: 'dor', mixolydian: 'mix' };
const R = SETTING_RANGES;

export const GENERATION_OPTIONS: Record<string, OptionSpec> = {
  prompt: { kind: 'string' },
  seed: { kind: 'integer', ...R.seed },
  temperature: { kind: 'number', ...R.temperature },
  'top-k': { kind: 'integer', ...R.topK },
  'top-p': { kind: 'number', ...R.topP },
  guidance: { kind: 'number', ...R.guidance },
  'reference-weight': { kind: 'number', ...R.referenceWeight },
  'max-tokens': { kind: 'integer', ...R.maxTokens },
  meter: { kind: 'string' },
  key: { kind: 'string' },
  mode: { kind: 'string', choices: Object.keys(MODE_NAMES) },
  prefix: { kind: 'string' },
  'free-bars': { kind: 'flag' },
  json: { kind: 'flag' },
  'model-dir': { kind: 'string' },
};

/** `npm run generate`'s own options: the generation options and the references. */
const GENERATE_OPTIONS: Record<string, OptionSpec> = {
  ...GENERATION_OPTIONS,
  [REFERENCE_OPTIONS.catalogue]: { kind: 'strings' },
  [REFERENCE_OPTIONS.abc]: { kind: 'strings' },
};

/** Generation settings from parsed options; meter and key are checked for form here and against the vocabulary later. */
export function settingsFrom(o: Record<string, unknown>): GenerationSettings {
  const meter = (o.meter as string | undefined) ?? null;
  if (meter !== null && !/^\d{1,2}\/\d{1,2}$/.test(meter))
    throw new UsageError(`--meter must look like 6/8; got "${meter}"`);
  const rawKey = (o.key as string | undefined) ?? null;
  if (rawKey !== null && !/^[A-Ga-g][#b]?$/.test(rawKey))
    throw new UsageError(`--key must be a tonic A-G with optional # or b; got "${rawKey}"`);
  return {
    ...DEFAULT_SETTINGS,
    seed: (o.seed as number | undefined) ?? DEFAULT_SETTINGS.seed,
    temperature: (o.temperature as number | undefined) ?? DEFAULT_SETTINGS.temperature,
    topK: (o['top-k'] as number | undefined) ?? DEFAULT_SETTINGS.topK,
    topP: (o['top-p'] as number | undefined) ?? DEFAULT_SETTINGS.topP,
    guidance: (o.guidance as number | undefined) ?? DEFAULT_SETTINGS.guidance,
    referenceWeight: (o['reference-weight'] as number | undefined) ?? DEFAULT_SETTINGS.referenceWeight,
    maxTokens: (o['max-tokens'] as number | undefined) ?? DEFAULT_SETTINGS.maxTokens,
    meter,
    key: rawKey === null ? null : rawKey[0].toUpperCase() + rawKey.slice(1),
    mode: o.mode ? MODE_NAMES[o.mode as string] : null,
    fitBars: !o['free-bars'],
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseOptions(argv, GENERATE_OPTIONS);
  if (o.prompt === undefined) throw new UsageError('--prompt is required (use --prompt "" for an unconditional tune)');
  const settings = settingsFrom(o);
  // Read at most once, for the references and their credits.
  let cached: CatalogueFile | null = null;
  const catalogue = () => (cached ??= readCatalogue());
  // Checked before the model loads, so a bad reference fails fast.
  const references = referencesFrom(readOptions(argv, GENERATE_OPTIONS), catalogue);
  const model = await loadNodeModel((o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR);
  checkReferenceVocab(references, model.vocab);
  const prompt = model.vocab.encodePrompt(o.prompt as string);
  const prefix = o.prefix ? prefixTokens(o.prefix as string, model.vocab, settings) : [];
  const warn = (msg: string) => process.stderr.write(`note: ${msg}\n`);
  if (prompt.empty) warn('the prompt has no words: generating unconditionally');
  if (prompt.unknownWords.length)
    warn(`words not in the vocabulary (read as <unk>): ${prompt.unknownWords.join(', ')}`);
  if (prompt.truncated)
    warn(`the prompt was cut to its first ${prompt.words.length} words (${prompt.truncated} dropped)`);
  let result;
  try {
    result = await generate(
      model.runner,
      model.vocab,
      prompt,
      prefix,
      settings,
      {},
      references.map((r) => r.tokens),
    );
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  const provenance = await referencesProvenance(references, catalogue);
  if (!o.json) {
    process.stdout.write(abcWithReferences(result.abc, provenance));
    return;
  }
  const out = {
    abc: result.abc,
    tokens: result.tokens,
    promptWords: prompt.words,
    unknownWords: prompt.unknownWords,
    truncatedWords: prompt.truncated,
    unconditional: prompt.empty,
    references: references.map((r, i) => ({ ...referenceSummary(r), ...provenance[i] })),
    seed: settings.seed,
    settings,
    stopped: result.stopped,
    modelSha256: model.modelSha256,
    timings: {
      tokensPerSecond: Math.round(result.timings.tokensPerSecond),
      totalMs: Math.round(result.timings.totalMs),
      firstTokenMs: Math.round(result.timings.firstTokenMs),
    },
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[1]?.endsWith('generate.ts')) void runCli(main);
