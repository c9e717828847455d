import { useState, type ChangeEvent } from 'react';
import { downloadFile } from '../../export/download';
import {
  checkPolicy,
  EXAMPLE_POLICIES,
  POLICY_KINDS,
  POLICY_MAX_BYTES,
  readPolicyFile,
  type Policy,
  type PolicyKind,
  type PolicyRule,
} from '../../royalty/policy';
import { useLedger } from './ledgerStore';
import { TiersFields } from './TiersFields';

const KIND_LABELS: Readonly<Record<PolicyKind, string>> = {
  flat: 'Flat fee per use',
  'pro-rata': 'Pro rata by measured share',
  tiers: 'Tiers by share',
  split: 'Split between inference set and training set',
};

const num = (e: ChangeEvent<HTMLInputElement>) => (e.target.value === '' ? NaN : Number(e.target.value));

/**
 * The royalty policy in force: pick a kind, edit its numbers, or load a policy file. An edit that does not
 * pass the schema is shown with its problems and the last good policy stays in force.
 */
export function PolicyEditor() {
  const policy = useLedger((s) => s.policy);
  const setPolicy = useLedger((s) => s.setPolicy);
  const [draft, setDraft] = useState<Policy>(policy);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [seen, setSeen] = useState(policy);
  // A policy set from elsewhere (a loaded file) becomes the draft.
  if (policy !== seen) {
    setSeen(policy);
    setDraft(policy);
  }

  const apply = (next: Policy) => {
    setDraft(next);
    const r = checkPolicy(next);
    setErrors(r.ok ? [] : r.errors);
    if (r.ok) setPolicy(r.policy);
  };
  const setRule = (rule: PolicyRule) => apply({ ...draft, rule });

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // The size is checked before the file is read.
    const r = readPolicyFile(file.size > POLICY_MAX_BYTES ? '' : await file.text(), file.size);
    if (!r.ok) return setErrors([`${file.name} was not loaded:`, ...r.errors]);
    setErrors([]);
    setPolicy(r.policy);
  };

  const rule = draft.rule;
  return (
    <fieldset className="policy-editor" data-testid="policy-editor">
      <legend>Royalty policy (simulated)</legend>
      <label htmlFor="policy-kind">Policy</label>{' '}
      <select
        id="policy-kind"
        value={rule.kind}
        onChange={(e) => {
          const kind = e.target.value as PolicyKind;
          apply({ ...EXAMPLE_POLICIES[kind], fee: draft.fee, currency: draft.currency });
        }}
      >
        {POLICY_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label>
        Name <input type="text" value={draft.name} onChange={(e) => apply({ ...draft, name: e.target.value })} />
      </label>
      <label>
        Notional fee per generation{' '}
        <input
          type="number"
          min={0}
          step={0.01}
          value={Number.isNaN(draft.fee) ? '' : draft.fee}
          onChange={(e) => apply({ ...draft, fee: num(e) })}
        />
      </label>
      <label>
        Currency{' '}
        <input
          type="text"
          size={5}
          value={draft.currency}
          onChange={(e) => apply({ ...draft, currency: e.target.value })}
        />
      </label>
      {rule.kind === 'flat' && (
        <label>
          Paid per reference per use{' '}
          <input
            type="number"
            min={0}
            step={0.01}
            value={Number.isNaN(rule.perUse) ? '' : rule.perUse}
            onChange={(e) => setRule({ ...rule, perUse: num(e) })}
          />
        </label>
      )}
      {rule.kind === 'tiers' && <TiersFields rule={rule} onChange={setRule} />}
      {rule.kind === 'split' && (
        <>
          <label>
            Inference set's part (0–1){' '}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={Number.isNaN(rule.inferencePart) ? '' : rule.inferencePart}
              onChange={(e) => setRule({ ...rule, inferencePart: num(e) })}
            />
          </label>
          <label>
            Training part spread{' '}
            <select
              value={rule.training}
              onChange={(e) => setRule({ ...rule, training: e.target.value as 'gradient' | 'even' })}
            >
              <option value="gradient">by the gradient estimate (top 10)</option>
              <option value="even">evenly over every training tune</option>
            </select>
          </label>
        </>
      )}
      <div className="policy-actions">
        <label className="file-button">
          Load a policy file… <input type="file" accept="application/json,.json" onChange={(e) => void load(e)} />
        </label>
        <button
          type="button"
          onClick={() =>
            downloadFile(JSON.stringify(policy, null, 2) + '\n', 'royalty-policy.json', 'application/json')
          }
        >
          Save the policy
        </button>
      </div>
      {errors.length > 0 && (
        <ul role="alert" className="policy-errors" data-testid="policy-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
