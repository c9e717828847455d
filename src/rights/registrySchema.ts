/**
 * The rights registry: per collection or per tune, who holds the rights and is credited, whether the tune may
 * be used as a reference and for training, what outputs may be used for, and on what royalty terms. One zod
 * schema; the TypeScript types are inferred from it so the file format and the code cannot drift apart.
 */
import { z } from '../schema/zod';

export const REGISTRY_FORMAT = 'apparatus-rights-registry';
export const REGISTRY_VERSION = 1;

/** The output uses a registry can permit or withhold, from least to most demanding. */
export const OUTPUT_USES = ['personal', 'education', 'commercial'] as const;
export type OutputUse = (typeof OUTPUT_USES)[number];

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const referenceConsentSchema = z.discriminatedUnion('consent', [
  z.strictObject({ consent: z.literal('allowed') }),
  /** The reason is what the app shows when someone tries to choose the tune. */
  z.strictObject({ consent: z.literal('not-allowed'), reason: text(300) }),
  /** Allowed under a condition, stated in words; maxBars is the part of it the app enforces. */
  z.strictObject({
    consent: z.literal('constrained'),
    constraint: text(300),
    maxBars: z.int().min(1).max(64).optional(),
  }),
]);

export const trainingConsentSchema = z.discriminatedUnion('consent', [
  z.strictObject({ consent: z.literal('allowed') }),
  z.strictObject({ consent: z.literal('opted-out'), reason: text(300) }),
]);

export const outputUsesSchema = z.strictObject({
  personal: z.boolean(),
  education: z.boolean(),
  commercial: z.boolean(),
});

export const royaltyTermsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  /** A fixed fee every time the tune is used as a reference. */
  z.strictObject({
    kind: z.literal('per-use'),
    amount: z.number().min(0).max(1_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR'),
  }),
  /** A percentage of a generation's notional fee, scaled by the tune's measured attribution share. */
  z.strictObject({ kind: z.literal('share'), percent: z.number().min(0).max(100) }),
]);

export const termsSchema = z.strictObject({
  rightsHolder: text(200),
  credits: z.array(text(300)).min(1, 'must name at least one credit').max(20),
  reference: referenceConsentSchema,
  training: trainingConsentSchema,
  outputUses: outputUsesSchema,
  royalty: royaltyTermsSchema,
  note: text(1000).optional(),
});

/** A tune's own entry overrides the fields it names; the rest come from its collection. */
export const tuneTermsSchema = termsSchema
  .partial()
  .refine((t) => Object.keys(t).length > 0, 'must set at least one field');

export const collectionEntrySchema = z.strictObject({
  /** The collection's key: the first part of its tunes' ids ("airdsAirs" for "airdsAirs-book1-0001"). */
  collection: z.string().regex(/^[A-Za-z0-9]+$/, 'must be a collection key of letters and digits, e.g. airdsAirs'),
  name: text(200),
  terms: termsSchema,
});

export const tuneEntrySchema = z.strictObject({
  tune: text(200),
  terms: tuneTermsSchema,
});

export const registrySchema = z.strictObject({
  format: z.literal(REGISTRY_FORMAT),
  version: z.literal(REGISTRY_VERSION),
  /** True when the terms are made up for a scenario (the shipped registry: its tunes are public domain). */
  simulated: z.boolean(),
  /** Shown with the terms wherever they appear. */
  notice: text(1000),
  /** Terms for a catalogue tune that neither its collection nor its own entry covers. */
  defaults: termsSchema,
  collections: z.array(collectionEntrySchema).max(1000),
  tunes: z.array(tuneEntrySchema).max(20_000),
});

export type ReferenceConsent = z.infer<typeof referenceConsentSchema>;
export type TrainingConsent = z.infer<typeof trainingConsentSchema>;
export type OutputUses = z.infer<typeof outputUsesSchema>;
export type RoyaltyTerms = z.infer<typeof royaltyTermsSchema>;
export type Terms = z.infer<typeof termsSchema>;
export type TuneTerms = z.infer<typeof tuneTermsSchema>;
export type CollectionEntry = z.infer<typeof collectionEntrySchema>;
export type TuneEntry = z.infer<typeof tuneEntrySchema>;
export type Registry = z.infer<typeof registrySchema>;
