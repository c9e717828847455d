/**
 * npm run attribute -- --prompt "<text>" [--seed N] [generation options as in `npm run generate`]
 *   --reference <catalogue-id>[:<first>-<last>] ... [--reference-abc <file>[:<first>-<last>]]
 *   [--policy <file>] [--registry <file>] [--top K] [--json]
 * Generates a tune with the references, then attributes it: each reference's measured share by ablation
 * (log-likelihood drop when it is removed) and by shared passages, the gradient estimate of training-time
 * influence beside them, and the statement of the notional fee under the policy (pro rata by share when no
 * --policy is given). A reference the catalogue lacks, or whose terms refuse it, exits with code 2 and says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ablationReadings } from '../src/explain/ablationReadings';
import { findNeighbours } from '../src/explain/neighbours';
import { tokensToNoteSequence } from '../src/explain/neighboursIndex';
import { neighbourQueryVectors } from '../src/explain/neighboursQuery';
import { referencePassages } from '../src/explain/referencePassages';
import { generate } from '../src/runtime/decode';
import { referenceRefusal } from '../src/rights/consent';
import { knownTunes, parseRegistry } from '../src/rights/registryLoad';
import type { Registry } from '../src/rights/registrySchema';
import { termsForSource, termsForTune } from '../src/rights/terms';
import { formatCents } from '../src/royalty/money';
import { EXAMPLE_POLICIES, readPolicyFile, type Policy } from '../src/royalty/policy';
import {
  attributionRecord,
  generationAttribution,
  gradientEstimateOf,
  trainingSetHolders,
  type AttributionRecord,
  type GradientEstimate,
} from '../src/royalty/record';
import { statementFor } from '../src/royalty/statement';
import type { Statement } from '../src/royalty/types';
import { parseOptions, readOptions, runCli, UsageError, type OptionSpec } from './args';
import { readCatalogue, type CatalogueFile } from './catalogue';
import { GENERATION_OPTIONS, settingsFrom } from './generate';
import { loadNeighbourCatalogue } from './neighboursSetup';
import { DEFAULT_MODEL_DIR, loadNodeModel, type LoadedModel } from './nodeModel';
import { prefixTokens } from './prefix';
import { attributeManifest } from './attributeManifest';
import {
  abcWithReferences,
  checkReferenceVocab,
  REFERENCE_OPTIONS,
  referencesFrom,
  referencesProvenance,
  referenceSummary,
} from './references';

export const DEFAULT_REGISTRY = join(process.cwd(), 'public/rights/registry.json');

const ATTRIBUTE_OPTIONS: Record<string, OptionSpec> = {
  ...GENERATION_OPTIONS,
  [REFERENCE_OPTIONS.catalogue]: { kind: 'strings' },
  [REFERENCE_OPTIONS.abc]: { kind: 'strings' },
  policy: { kind: 'string' },
  registry: { kind: 'string' },
  top: { kind: 'integer', min: 1, max: 50 },
};

function readText(path: string, what: string): { text: string; bytes: number } {
  try {
    const bytes = readFileSync(path);
    return { text: bytes.toString('utf8'), bytes: bytes.length };
  } catch (e) {
    throw new UsageError(`${what}: cannot read ${path} (${(e as Error).message.split('\n')[0]})`);
  }
}

export function readPolicyOption(path: string | undefined): Policy {
  if (path === undefined) return EXAMPLE_POLICIES['pro-rata'];
  const { text, bytes } = readText(path, '--policy');
  const r = readPolicyFile(text, bytes);
  if (!r.ok) throw new UsageError(`--policy ${path} is not a royalty policy:\n  ${r.errors.join('\n  ')}`);
  return r.policy;
}

function readRegistryOption(path: string, catalogue: CatalogueFile): Registry {
  const { text, bytes } = readText(path, '--registry');
  const r = parseRegistry(text, knownTunes(catalogue.entries.map((e) => e.id)), bytes);
  if (!r.ok) throw new UsageError(`--registry ${path} is not a rights registry:\n  ${r.errors.join('\n  ')}`);
  return r.registry;
}

/** The gradient estimate of the tune, or why there is none (an index built for another model, say). */
async function gradientOf(
  model: LoadedModel,
  catalogue: CatalogueFile,
  words: Int32Array | null,
  tokens: readonly string[],
  k: number,
): Promise<GradientEstimate | string> {
  try {
    const { catalogue: index, header } = loadNeighbourCatalogue(catalogue.entries, ['gradient'], {
      decoderSha256: model.modelSha256,
    });
    const vectors = await neighbourQueryVectors(model.runner, model.vocab, {
      prompt: words,
      tokens,
      measures: ['gradient'],
      sketch: index.sketch ?? header?.sets.gradient ?? null,
    });
    const list = findNeighbours(
      { catalogue: index, query: { ...vectors, sequence: tokensToNoteSequence(tokens) } },
      { measure: 'gradient', k, candidates: 'train', ngramScore: 'containment' },
    );
    return list.unavailable ?? gradientEstimateOf(list, index.ids);
  } catch (e) {
    return (e as Error).message;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printable(record: AttributionRecord, statement: Statement, policy: Policy, abc: string): string {
  const lines = [abc.trimEnd(), '', 'Inference-time attribution (measured):'];
  lines.push(`  ablation: ${record.methods.ablation}`, `  passages: ${record.methods.passages}`);
  if (record.ablationNote) lines.push(`  (${record.ablationNote})`);
  record.references.forEach((r, i) => {
    const g = r.gradient ? `; gradient estimate ${r.gradient.score.toFixed(3)}, rank ${r.gradient.rank}` : '';
    lines.push(
      `  ref ${i + 1} ${r.label} [${r.holder.name}]: ablation ${pct(r.ablation.share)} (drop ${r.ablation.drop.toFixed(2)} nats), ` +
        `passages ${pct(r.passages.share)} (${pct(r.passages.coverage)} of the notes)${g}`,
    );
  });
  const a = record.agreement;
  lines.push(
    `  pairs of references in the same order, ablation vs passages: ${a.ablationVsPassages.agreeing} of ${a.ablationVsPassages.pairs}`,
  );
  if (a.ablationVsGradient)
    lines.push(
      `  pairs in the same order, ablation vs gradient estimate: ${a.ablationVsGradient.agreeing} of ${a.ablationVsGradient.pairs}`,
    );
  lines.push('', `Training-time attribution (an estimate): ${record.methods.gradient ?? record.training.unavailable}`);
  lines.push(`  ${record.training.caveat}`);
  for (const t of record.training.top)
    lines.push(`  ${String(t.rank).padStart(3)}. ${t.score.toFixed(3)}  ${t.title} (${t.id}) [${t.holder.name}]`);
  lines.push(
    '',
    `Statement under "${policy.name}" (notional fee ${formatCents(statement.feeCents, policy.currency)}):`,
  );
  for (const l of statement.lines)
    lines.push(`  ${formatCents(l.cents, policy.currency).padStart(12)}  ${l.holder.name}: ${l.source}; ${l.reason}`);
  if (statement.unallocatedCents > 0)
    lines.push(
      `  ${formatCents(statement.unallocatedCents, policy.currency).padStart(12)}  unallocated: ${statement.unallocatedReason}`,
    );
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseOptions(argv, ATTRIBUTE_OPTIONS);
  if (o.prompt === undefined) throw new UsageError('--prompt is required (use --prompt "" for an unconditional tune)');
  const settings = settingsFrom(o);
  const catalogue = readCatalogue();
  // Everything a user can get wrong is checked before the model loads.
  const references = referencesFrom(readOptions(argv, ATTRIBUTE_OPTIONS), () => catalogue);
  if (references.length === 0) throw new UsageError('name at least one --reference or --reference-abc to attribute to');
  const registry = readRegistryOption((o.registry as string | undefined) ?? DEFAULT_REGISTRY, catalogue);
  const terms = references.map((r) => termsForSource(registry, r.source));
  references.forEach((r, i) => {
    const refusal = referenceRefusal(terms[i].terms, r);
    if (refusal) throw new UsageError(`--reference ${r.source.id}: refused: ${refusal}`);
  });
  const policy = readPolicyOption(o.policy as string | undefined);

  const model = await loadNodeModel((o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR);
  checkReferenceVocab(references, model.vocab);
  const prompt = model.vocab.encodePrompt(o.prompt as string);
  const prefix = o.prefix ? prefixTokens(o.prefix as string, model.vocab, settings) : [];
  const refTokens = references.map((r) => r.tokens);
  let result;
  try {
    result = await generate(model.runner, model.vocab, prompt, prefix, settings, {}, refTokens);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  const { tokens } = result;
  const ablation = await ablationReadings(model.runner, model.vocab, prompt.words, tokens, refTokens);
  const passages = referencePassages(
    tokensToNoteSequence(tokens),
    refTokens.map((t) => tokensToNoteSequence(t)),
  );
  const gradient = await gradientOf(
    model,
    catalogue,
    prompt.empty ? null : prompt.ids,
    tokens,
    (o.top as number | undefined) ?? 10,
  );
  const termsOfTune = (id: string) => termsForTune(registry, id);
  const record = attributionRecord({
    references,
    terms,
    ablation,
    passages,
    gradient: typeof gradient === 'string' ? null : gradient,
    gradientUnavailable: typeof gradient === 'string' ? gradient : undefined,
    termsOfTune,
  });
  const training = trainingSetHolders(
    catalogue.entries.filter((e) => e.split === 'train').map((e) => e.id),
    termsOfTune,
  );
  const generation = generationAttribution(record, {
    generationId: `seed-${settings.seed}`,
    createdAt: 0,
    prompt: o.prompt as string,
    seed: settings.seed,
  });
  const statement = statementFor(policy, generation, training);
  const referenceCredits = await referencesProvenance(references, () => catalogue);
  const abc = abcWithReferences(result.abc, referenceCredits);
  const manifest = attributeManifest({
    abc,
    fileName: `tune-${settings.seed}.abc`,
    prompt: o.prompt as string,
    settings,
    tokens,
    modelSha256: model.modelSha256,
    references: referenceCredits,
    terms,
    record,
    registryNotice: registry.notice,
  });
  if (!o.json) {
    process.stdout.write(printable(record, statement, policy, abc));
    process.stdout.write(
      `\nManifest (C2PA structure, unsigned; its hash is of the ABC above as a file, ${manifest.assertions[3].data.name}):\n`,
    );
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    if (registry.simulated) process.stdout.write(`\nnote: ${registry.notice}\n`);
    return;
  }
  const out = {
    abc,
    tokens,
    promptWords: prompt.words,
    seed: settings.seed,
    settings,
    modelSha256: model.modelSha256,
    references: references.map(referenceSummary),
    attribution: record,
    policy,
    statement,
    registryNotice: registry.notice,
    simulatedTerms: registry.simulated,
    manifest,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[1]?.endsWith('attribute.ts')) void runCli(main);
