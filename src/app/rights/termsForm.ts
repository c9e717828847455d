/** The terms editor's fields as plain strings and flags, and the checked Terms they make. */
import { formatPath } from '../../rights/registryLoad';
import { termsSchema, type OutputUses, type Terms } from '../../rights/registrySchema';

export interface TermsForm {
  readonly rightsHolder: string;
  /** One credit a line. */
  readonly credits: string;
  readonly reference: 'allowed' | 'not-allowed' | 'constrained';
  /** The reason (not allowed) or the constraint (constrained). */
  readonly referenceText: string;
  /** Constrained only; empty for no bar limit. */
  readonly maxBars: string;
  readonly training: 'allowed' | 'opted-out';
  readonly trainingReason: string;
  readonly uses: OutputUses;
  readonly royalty: 'none' | 'per-use' | 'share';
  readonly amount: string;
  readonly currency: string;
  readonly percent: string;
  readonly note: string;
}

export function formOf(t: Terms): TermsForm {
  const r = t.reference;
  return {
    rightsHolder: t.rightsHolder,
    credits: t.credits.join('\n'),
    reference: r.consent,
    referenceText: r.consent === 'not-allowed' ? r.reason : r.consent === 'constrained' ? r.constraint : '',
    maxBars: r.consent === 'constrained' && r.maxBars !== undefined ? String(r.maxBars) : '',
    training: t.training.consent,
    trainingReason: t.training.consent === 'opted-out' ? t.training.reason : '',
    uses: t.outputUses,
    royalty: t.royalty.kind,
    amount: t.royalty.kind === 'per-use' ? String(t.royalty.amount) : '',
    currency: t.royalty.kind === 'per-use' ? t.royalty.currency : 'EUR',
    percent: t.royalty.kind === 'share' ? String(t.royalty.percent) : '',
    note: t.note ?? '',
  };
}

/** An empty field stays a string, so the schema names it ("must not be empty") instead of reading it as 0. */
const num = (s: string): number | string => (s.trim() === '' || Number.isNaN(Number(s)) ? s : Number(s));

export type FormReading =
  { readonly ok: true; readonly terms: Terms } | { readonly ok: false; readonly errors: readonly string[] };

/** The Terms of the form, checked by the registry's own schema (errors name the field). */
export function termsOfForm(f: TermsForm): FormReading {
  const reference =
    f.reference === 'allowed'
      ? { consent: 'allowed' }
      : f.reference === 'not-allowed'
        ? { consent: 'not-allowed', reason: f.referenceText }
        : {
            consent: 'constrained',
            constraint: f.referenceText,
            ...(f.maxBars.trim() === '' ? {} : { maxBars: num(f.maxBars) }),
          };
  const royalty =
    f.royalty === 'none'
      ? { kind: 'none' }
      : f.royalty === 'per-use'
        ? { kind: 'per-use', amount: num(f.amount), currency: f.currency.trim() }
        : { kind: 'share', percent: num(f.percent) };
  const candidate = {
    rightsHolder: f.rightsHolder,
    credits: f.credits
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
    reference,
    training: f.training === 'allowed' ? { consent: 'allowed' } : { consent: 'opted-out', reason: f.trainingReason },
    outputUses: f.uses,
    royalty,
    ...(f.note.trim() ? { note: f.note } : {}),
  };
  const parsed = termsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, terms: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message.replace(/^Invalid input: /, '')}`),
  };
}
