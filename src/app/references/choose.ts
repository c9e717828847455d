/**
 * Choosing a reference: consent first (a tune whose terms refuse it is never cut), then the bar range (the
 * default one is kept within a constrained tune's bar limit), then the model's limits.
 */
import {
  defaultRange,
  makeReference,
  MAX_REFERENCES,
  referenceLabel,
  type BarRange,
  type Reference,
  type ReferenceSource,
} from '../../music/excerpt';
import { referenceRefusal } from '../../rights/consent';
import type { Terms } from '../../rights/registrySchema';

export interface Candidate {
  readonly source: ReferenceSource;
  readonly tokens: readonly string[];
  /** Bars chosen on the score or typed; null takes the default range. */
  readonly range: BarRange | null;
  readonly terms: Terms;
}

export type Choice =
  { readonly ok: true; readonly reference: Reference } | { readonly ok: false; readonly reason: string };

const sameRange = (a: Reference, b: BarRange) => a.first === b.first && a.last === b.last;

/** The default range, cut to the tune's bar limit when its consent is constrained to fewer bars. */
function rangeFor(tokens: readonly string[], terms: Terms): BarRange {
  const range = defaultRange(tokens);
  const limit = terms.reference.consent === 'constrained' ? terms.reference.maxBars : undefined;
  return limit === undefined ? range : { first: range.first, last: Math.min(range.last, range.first + limit - 1) };
}

/** Why the tune cannot be chosen at all (before any range), or null. */
export const refusalOf = (terms: Terms): string | null => referenceRefusal(terms, null);

/** The reference to add to `current`, or why it cannot be added. */
export function chooseReference(current: readonly Reference[], c: Candidate): Choice {
  const refused = refusalOf(c.terms);
  if (refused) return { ok: false, reason: refused };
  if (current.length >= MAX_REFERENCES)
    return { ok: false, reason: `The model reads at most ${MAX_REFERENCES} references; remove one to add another.` };
  let range: BarRange;
  try {
    range = c.range ?? rangeFor(c.tokens, c.terms);
  } catch (e) {
    return { ok: false, reason: `${c.source.title} cannot be a reference: ${(e as Error).message}.` };
  }
  const limited = referenceRefusal(c.terms, range);
  if (limited) return { ok: false, reason: limited };
  const twin = current.find(
    (r) => r.source.kind === c.source.kind && r.source.id === c.source.id && sameRange(r, range),
  );
  if (twin) return { ok: false, reason: `${referenceLabel(twin)} is already a reference.` };
  try {
    return { ok: true, reference: makeReference(c.source, c.tokens, range) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, reason: `${c.source.title}: ${e.message}.` };
    throw e;
  }
}

/**
 * The first chosen reference whose terms (as they are now: the registry may have been edited or replaced since
 * it was chosen) refuse it, with the reason; null when every reference may be read.
 */
export function refusedReference(
  references: readonly Reference[],
  termsOf: (source: ReferenceSource) => Terms,
): string | null {
  for (const r of references) {
    const refusal = referenceRefusal(termsOf(r.source), r);
    if (refusal) return `${referenceLabel(r)} can no longer be a reference (${refusal}); remove it to write a tune.`;
  }
  return null;
}
