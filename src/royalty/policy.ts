/**
 * Royalty policies: how a notional fee per generation is divided among the rights holders of the tunes that
 * went into it. A policy is a JSON file checked with a zod schema; every problem names its path.
 */
import { z } from '../schema/zod';
import { pathText } from '../schema/issues';

/** A policy is a few hundred bytes; anything past this is not one, and is refused before it is parsed. */
export const POLICY_MAX_BYTES = 100_000;

const amount = z.number().min(0).max(1_000_000);
const share = z.number().min(0).max(1);

export const FlatRule = z
  .object({ kind: z.literal('flat'), perUse: amount.describe('paid to each reference holder per generation') })
  .strict();
export const ProRataRule = z.object({ kind: z.literal('pro-rata') }).strict();
export const TiersRule = z
  .object({
    kind: z.literal('tiers'),
    /** A reference gets the amount of the highest tier whose minShare its share reaches; below all tiers, nothing. */
    tiers: z
      .array(z.object({ minShare: share, amount }).strict())
      .min(1)
      .max(10)
      .refine((t) => t.every((x, i) => i === 0 || x.minShare > t[i - 1].minShare), {
        message: 'tiers must be in rising order of minShare',
      }),
  })
  .strict();
export const SplitRule = z
  .object({
    kind: z.literal('split'),
    /** Part of the fee for the inference set (the references, pro rata by share); the rest goes to the training set. */
    inferencePart: share,
    /** How the training part is spread: by the gradient estimate's top tunes, or evenly over every training tune. */
    training: z.enum(['gradient', 'even']),
  })
  .strict();

export const PolicySchema = z
  .object({
    format: z.literal('apparatus-royalty-policy'),
    version: z.literal(1),
    name: z.string().min(1).max(80),
    /** The notional fee per generation, in `currency`. */
    fee: amount,
    currency: z.string().min(1).max(12),
    rule: z.discriminatedUnion('kind', [FlatRule, ProRataRule, TiersRule, SplitRule]),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyRule = Policy['rule'];
export type PolicyKind = PolicyRule['kind'];

export const POLICY_KINDS: readonly PolicyKind[] = ['flat', 'pro-rata', 'tiers', 'split'];

const base = { format: 'apparatus-royalty-policy', version: 1, fee: 1, currency: 'EUR' } as const;

/** One example of each kind; the editor starts from these. */
export const EXAMPLE_POLICIES: Readonly<Record<PolicyKind, Policy>> = {
  flat: { ...base, name: 'Flat fee per use', rule: { kind: 'flat', perUse: 0.25 } },
  'pro-rata': { ...base, name: 'Pro rata by measured share', rule: { kind: 'pro-rata' } },
  tiers: {
    ...base,
    name: 'Tiers by share',
    rule: {
      kind: 'tiers',
      tiers: [
        { minShare: 0.2, amount: 0.2 },
        { minShare: 0.5, amount: 0.5 },
      ],
    },
  },
  split: {
    ...base,
    name: 'Inference set 70%, training set 30% by gradient estimate',
    rule: { kind: 'split', inferencePart: 0.7, training: 'gradient' },
  },
};

export type PolicyCheck =
  { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly errors: string[] };

/** "rule.tiers[1].minShare" from a zod issue path. */
export const issuePath = (path: readonly PropertyKey[]): string => pathText(path, '');

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((i) => `${issuePath(i.path) || '(the file)'}: ${i.message}`);

/** Checks a parsed value against the schema. */
export function checkPolicy(value: unknown): PolicyCheck {
  const r = PolicySchema.safeParse(value);
  return r.success ? { ok: true, policy: r.data } : { ok: false, errors: describeIssues(r.error) };
}

/** Reads a policy file's text: refuses it unread past POLICY_MAX_BYTES, then parses and checks it. */
export function readPolicyFile(text: string, bytes = new TextEncoder().encode(text).length): PolicyCheck {
  if (bytes > POLICY_MAX_BYTES)
    return {
      ok: false,
      errors: [
        `the file is ${bytes.toLocaleString('en-GB')} bytes; a policy file holds at most ${POLICY_MAX_BYTES.toLocaleString('en-GB')}`,
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`the file is not JSON (${(e as Error).message})`] };
  }
  return checkPolicy(value);
}
