/**
 * Consent enforced: whether a tune may be used as a reference over a bar range, and which uses of the output
 * the chosen references' terms permit (the most restrictive wins, and says which reference imposed it).
 */
import type { BarRange } from '../music/excerpt';
import { OUTPUT_USES, type OutputUse, type Terms } from './registrySchema';

const bars = (n: number) => `${n} bar${n === 1 ? '' : 's'}`;

/**
 * Null when the terms let the tune be a reference (over `range`, when given); else the reason, in words the
 * UI shows as they are.
 */
export function referenceRefusal(terms: Terms, range: BarRange | null): string | null {
  const r = terms.reference;
  if (r.consent === 'not-allowed') return `${terms.rightsHolder} does not allow this tune as a reference: ${r.reason}`;
  if (r.consent === 'constrained' && r.maxBars !== undefined && range) {
    const length = range.last - range.first + 1;
    if (length > r.maxBars)
      return `${terms.rightsHolder} allows at most ${bars(r.maxBars)} of this tune as a reference (${r.constraint}); bars ${range.first}-${range.last} are ${bars(length)}`;
  }
  return null;
}

/** A reference as permitted uses see it: how to name it, and its terms. */
export interface TermsHolder {
  readonly label: string;
  readonly terms: Terms;
}

export interface UseVerdict {
  readonly use: OutputUse;
  readonly allowed: boolean;
  /** Labels of the references whose terms withhold this use (empty when allowed). */
  readonly withheldBy: readonly string[];
}

export interface PermittedUses {
  readonly verdicts: readonly UseVerdict[];
  /** Conditions that come with using the references at all (constrained consent), each with its reference. */
  readonly conditions: readonly { readonly label: string; readonly constraint: string }[];
}

/** The uses of an output made with these references: a use is permitted only when every reference permits it. */
export function permittedUses(references: readonly TermsHolder[]): PermittedUses {
  const verdicts = OUTPUT_USES.map((use) => {
    const withheldBy = references.filter((r) => !r.terms.outputUses[use]).map((r) => r.label);
    return { use, allowed: withheldBy.length === 0, withheldBy };
  });
  const conditions = references.flatMap((r) =>
    r.terms.reference.consent === 'constrained' ? [{ label: r.label, constraint: r.terms.reference.constraint }] : [],
  );
  return { verdicts, conditions };
}
