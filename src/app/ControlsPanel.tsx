import { SETTING_RANGES } from '../runtime/decode';
import { useSettings, type NumericSetting } from '../store/settingsStore';
import { ConstraintFields } from './ConstraintFields';
import { NumberField } from './NumberField';
import { SeedField } from './SeedField';

const FIELDS: readonly {
  key: Exclude<NumericSetting, 'seed'>;
  label: string;
  step: number;
  integer?: boolean;
  hint: string;
}[] = [
  { key: 'temperature', label: 'Temperature', step: 0.05, hint: '0 always takes the likeliest token' },
  { key: 'topP', label: 'Top-p', step: 0.01, hint: '1 keeps every token' },
  { key: 'topK', label: 'Top-k', step: 1, integer: true, hint: '0 keeps every token' },
  { key: 'guidance', label: 'Guidance', step: 0.1, hint: '1 turns guidance off' },
  {
    key: 'referenceWeight',
    label: 'Reference pull',
    step: 0.1,
    hint: 'with references: 1 reads them plainly, more leans on them',
  },
  { key: 'maxTokens', label: 'Length (max tokens)', step: 8, integer: true, hint: 'the tune may end sooner' },
];

export function ControlsPanel() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const setInvalid = useSettings((s) => s.setInvalid);
  return (
    <section className="panel" aria-labelledby="controls-heading" data-testid="controls-panel">
      <h2 id="controls-heading">Settings</h2>
      <div className="fields">
        <SeedField />
        {FIELDS.map((f) => (
          <NumberField
            key={f.key}
            label={f.label}
            value={settings[f.key] ?? 1}
            min={SETTING_RANGES[f.key].min}
            max={SETTING_RANGES[f.key].max}
            step={f.step}
            integer={f.integer}
            hint={f.hint}
            onCommit={(v) => update({ [f.key]: v })}
            onValidity={(ok) => setInvalid(f.key, !ok)}
          />
        ))}
      </div>
      <ConstraintFields />
    </section>
  );
}
