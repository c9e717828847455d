/**
 * The provenance manifest that comes with every export, as a sidecar JSON file. Its shape follows the C2PA
 * manifest definition (claim_generator_info, ingredients, assertions by label) so that C2PA tools can read its
 * parts: a `c2pa.actions.v2` assertion saying the tune was created by a trained model, the references as
 * `inputTo` ingredients, and the CAWG training-and-mining assertion for consent. What C2PA has no label for
 * (attribution shares, the training-time estimate, the copy flag, permitted uses, the file's hash) sits in
 * `org.apparatus.*` assertions. The manifest is not signed; `signature` says so.
 */
import { z } from '../schema/zod';
import { OUTPUT_USES, termsSchema } from '../rights/registrySchema';

export const MANIFEST_VENDOR = 'apparatus';
export const MANIFEST_VERSION = 1;
export const TRAINED_ALGORITHMIC_MEDIA = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
export const LABELS = {
  actions: 'c2pa.actions.v2',
  trainingMining: 'cawg.training-mining',
  attribution: 'org.apparatus.attribution',
  assetHash: 'org.apparatus.asset-hash',
} as const;

export const CAWG_ENTRIES = [
  'cawg.ai_inference',
  'cawg.ai_generative_training',
  'cawg.ai_training',
  'cawg.data_mining',
] as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (a SHA-256)');
const text = z.string().max(20_000);

const consentEntry = z.object({
  use: z.enum(['allowed', 'notAllowed', 'constrained']),
  constraint_info: text.optional(),
});
export type ConsentEntry = z.infer<typeof consentEntry>;

const created = z.object({
  action: z.literal('c2pa.created'),
  when: z.iso.datetime(),
  digitalSourceType: z.literal(TRAINED_ALGORITHMIC_MEDIA),
  softwareAgent: z.object({ name: text, version: text }),
  parameters: z.object({
    model: z.object({ sha256 }),
    prompt: text,
    seed: z.number().int(),
    settings: z.record(z.string(), z.unknown()),
    conditioning: text.optional(),
  }),
});

const actionsAssertion = z.object({
  label: z.literal(LABELS.actions),
  data: z.object({ actions: z.tuple([created]) }),
});

const trainingMiningAssertion = z.object({
  label: z.literal(LABELS.trainingMining),
  data: z.object({ entries: z.record(z.enum(CAWG_ENTRIES), consentEntry) }),
});

/** A reference's terms as the rights registry resolved them when the file was exported (see rights/terms.ts). */
const rights = z.object({
  tuneId: text,
  terms: termsSchema,
  from: z.enum(['tune', 'collection', 'defaults', 'own-music']),
  collectionName: text.nullable(),
  /** True for the shipped demo registry: the tunes are public domain, so its terms are made up. */
  simulated: z.boolean(),
});

const share = z.number().min(0).max(1).nullable();

const referenceClaim = z.object({
  /** The ingredient's instance_id. */
  ingredient: text,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('catalogue'), id: text }),
    z.object({ kind: z.literal('abc'), tokensSha256: sha256.nullable() }),
  ]),
  title: text,
  bars: z.object({ first: z.number().int().min(1), last: z.number().int().min(1) }),
  /** The catalogue's credits as one line, or why they are missing. */
  credits: text,
  rights: rights.nullable(),
  /** Inference-time shares, measured: ablation (log-likelihood drop) and shared passages; null when not measured. */
  shares: z.object({ ablation: share, passages: share, note: text.optional() }),
});
export type ReferenceClaim = z.infer<typeof referenceClaim>;

const trainingTopK = z.object({
  method: text,
  caveat: text,
  entries: z.array(z.object({ rank: z.number().int().min(1), id: text, title: text, score: z.number() })).max(100),
  /** Why there are no entries (e.g. the index belongs to another model), or absent. */
  unavailable: text.optional(),
});
export type TrainingTopK = z.infer<typeof trainingTopK>;

/** The output's uses as the references' terms allow them: the most restrictive wins (rights/consent.ts). */
const permittedUses = z.object({
  verdicts: z
    .array(z.object({ use: z.enum(OUTPUT_USES), allowed: z.boolean(), withheldBy: z.array(text).max(16) }))
    .max(OUTPUT_USES.length),
  conditions: z.array(z.object({ label: text, constraint: text })).max(16),
  /** The registry's notice, e.g. that its terms are simulated; null without references from it. */
  notice: text.nullable(),
});

const attributionAssertion = z.object({
  label: z.literal(LABELS.attribution),
  data: z.object({
    references: z.array(referenceClaim).max(16),
    trainingTopK,
    copyFlag: text.nullable(),
    permittedUses,
  }),
});

const assetHashAssertion = z.object({
  label: z.literal(LABELS.assetHash),
  data: z.object({
    alg: z.literal('sha256'),
    hash: sha256,
    name: text,
    bytes: z.number().int().min(0),
  }),
});

const ingredient = z.object({
  title: text,
  format: text,
  relationship: z.literal('inputTo'),
  instance_id: text,
  description: text.optional(),
});

export const manifestSchema = z.object({
  vendor: z.literal(MANIFEST_VENDOR),
  manifest_version: z.literal(MANIFEST_VERSION),
  claim_generator_info: z.tuple([z.object({ name: text, version: text })]),
  title: text,
  format: text,
  instance_id: text,
  ingredients: z.array(ingredient).max(16),
  // One of each, in this order, so a reader finds each part where the writer put it.
  assertions: z.tuple([actionsAssertion, trainingMiningAssertion, attributionAssertion, assetHashAssertion]),
  signature: z.object({ status: z.literal('unsigned'), note: text }),
});

export type ApparatusManifest = z.infer<typeof manifestSchema>;
