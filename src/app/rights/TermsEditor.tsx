import { useState } from 'react';
import type { Terms } from '../../rights/registrySchema';
import { OUTPUT_USES } from '../../rights/registrySchema';
import { formOf, termsOfForm, type TermsForm } from './termsForm';
import { USE_LABELS } from './termsText';

interface Props {
  /** What is being edited, as the heading names it. */
  readonly label: string;
  readonly terms: Terms;
  onSave(terms: Terms): Promise<void>;
}

/** A form over one entry's terms; Save checks them with the registry's schema before anything is kept. */
export function TermsEditor({ label, terms, onSave }: Props) {
  const [form, setForm] = useState<TermsForm>(() => formOf(terms));
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<TermsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };
  const save = async () => {
    const r = termsOfForm(form);
    if (!r.ok) return setErrors(r.errors);
    setErrors([]);
    await onSave(r.terms);
    setSaved(true);
  };
  return (
    <form
      className="terms-editor"
      aria-label={`Terms of ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Rights holder
        <input value={form.rightsHolder} onChange={(e) => set({ rightsHolder: e.target.value })} />
      </label>
      <label>
        Credits (one a line)
        <textarea rows={2} value={form.credits} onChange={(e) => set({ credits: e.target.value })} />
      </label>
      <label>
        Use as a reference
        <select value={form.reference} onChange={(e) => set({ reference: e.target.value as TermsForm['reference'] })}>
          <option value="allowed">allowed</option>
          <option value="not-allowed">not allowed</option>
          <option value="constrained">allowed on a condition</option>
        </select>
      </label>
      {form.reference !== 'allowed' && (
        <label>
          {form.reference === 'not-allowed' ? 'Reason' : 'Condition'}
          <input value={form.referenceText} onChange={(e) => set({ referenceText: e.target.value })} />
        </label>
      )}
      {form.reference === 'constrained' && (
        <label>
          At most this many bars (empty: no limit)
          <input type="number" min={1} value={form.maxBars} onChange={(e) => set({ maxBars: e.target.value })} />
        </label>
      )}
      <label>
        Training
        <select value={form.training} onChange={(e) => set({ training: e.target.value as TermsForm['training'] })}>
          <option value="allowed">allowed</option>
          <option value="opted-out">opted out</option>
        </select>
      </label>
      {form.training === 'opted-out' && (
        <label>
          Reason for the opt-out
          <input value={form.trainingReason} onChange={(e) => set({ trainingReason: e.target.value })} />
        </label>
      )}
      <fieldset>
        <legend>Outputs may be used for</legend>
        {OUTPUT_USES.map((u) => (
          <label key={u}>
            <input
              type="checkbox"
              checked={form.uses[u]}
              onChange={(e) => set({ uses: { ...form.uses, [u]: e.target.checked } })}
            />{' '}
            {USE_LABELS[u]}
          </label>
        ))}
      </fieldset>
      <label>
        Royalty
        <select value={form.royalty} onChange={(e) => set({ royalty: e.target.value as TermsForm['royalty'] })}>
          <option value="none">none</option>
          <option value="per-use">a fee per use</option>
          <option value="share">a share of the fee, by attribution</option>
        </select>
      </label>
      {form.royalty === 'per-use' && (
        <>
          <label>
            Fee
            <input inputMode="decimal" value={form.amount} onChange={(e) => set({ amount: e.target.value })} />
          </label>
          <label>
            Currency
            <input value={form.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value })} />
          </label>
        </>
      )}
      {form.royalty === 'share' && (
        <label>
          Percent of the fee
          <input inputMode="decimal" value={form.percent} onChange={(e) => set({ percent: e.target.value })} />
        </label>
      )}
      <label>
        Note
        <input value={form.note} onChange={(e) => set({ note: e.target.value })} />
      </label>
      <button type="submit">Save terms</button>
      {saved && <span className="hint"> Saved.</span>}
      {errors.length > 0 && (
        <ul role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
