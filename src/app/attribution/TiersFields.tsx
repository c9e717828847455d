import type { PolicyRule } from '../../royalty/policy';

type Tiers = Extract<PolicyRule, { kind: 'tiers' }>;

const num = (v: string) => (v === '' ? NaN : Number(v));

/** The tiers of a tiers policy: from which share on a reference is paid which amount. */
export function TiersFields({ rule, onChange }: { readonly rule: Tiers; readonly onChange: (rule: Tiers) => void }) {
  const set = (i: number, tier: Tiers['tiers'][number]) =>
    onChange({ ...rule, tiers: rule.tiers.map((t, j) => (j === i ? tier : t)) });
  return (
    <div className="policy-tiers">
      {rule.tiers.map((t, i) => (
        <div key={i}>
          <label>
            Tier {i + 1} from share (0–1){' '}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={Number.isNaN(t.minShare) ? '' : t.minShare}
              onChange={(e) => set(i, { ...t, minShare: num(e.target.value) })}
            />
          </label>{' '}
          <label>
            pays{' '}
            <input
              type="number"
              min={0}
              step={0.01}
              value={Number.isNaN(t.amount) ? '' : t.amount}
              onChange={(e) => set(i, { ...t, amount: num(e.target.value) })}
            />
          </label>{' '}
          <button
            type="button"
            disabled={rule.tiers.length === 1}
            onClick={() => onChange({ ...rule, tiers: rule.tiers.filter((_, j) => j !== i) })}
          >
            Remove tier {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          const last = rule.tiers[rule.tiers.length - 1];
          onChange({
            ...rule,
            tiers: [...rule.tiers, { minShare: Math.min(1, last.minShare + 0.2), amount: last.amount }],
          });
        }}
      >
        Add a tier
      </button>
      <p className="hint">Below the lowest tier a reference is paid nothing.</p>
    </div>
  );
}
