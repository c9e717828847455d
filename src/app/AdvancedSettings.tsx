import { SETTING_RANGES } from '../runtime/decode';
import { useSettings, type NumericSetting } from '../store/settingsStore';
import { NumberField } from './NumberField';
import { SETTING_LABELS } from './settingLabels';

const FIELDS: readonly {
  key: Exclude<NumericSetting, 'seed' | 'lengthBars'>;
  step: number;
  integer?: boolean;
  hint: string;
}[] = [
  {
    key: 'temperature',
    step: 0.05,
    hint: 'How far each choice may stray from the likeliest token: 0 always takes it, higher spreads the choices wider.',
  },
  {
    key: 'topP',
    step: 0.01,
    hint: 'Choose only among the likeliest tokens that together hold this share of the probability; 1 keeps every token.',
  },
  {
    key: 'topK',
    step: 1,
    integer: true,
    hint: 'Choose only among this many likeliest tokens; 0 keeps every token.',
  },
  {
    key: 'guidance',
    step: 0.1,
    hint: "How strongly the prompt's words are weighed against writing with no prompt; 1 turns guidance off.",
  },
  {
    key: 'referenceWeight',
    step: 0.1,
    hint: 'With reference tunes: how strongly what the references change is weighed; 1 reads them plainly, more leans on them.',
  },
  {
    key: 'maxTokens',
    step: 8,
    integer: true,
    hint: 'The most tokens (notes, note lengths, bar lines) the model may write; the tune may end sooner. Setting it here replaces the length in bars.',
  },
];

/** The sampling parameters behind the simple controls, each with a sentence on what it does. */
export function AdvancedSettings() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const setInvalid = useSettings((s) => s.setInvalid);
  const setLengthBars = useSettings((s) => s.setLengthBars);
  return (
    <details className="advanced" data-testid="advanced-settings">
      <summary>Advanced</summary>
      <p className="hint" data-testid="adventure-values">
        Safe ↔ adventurous sets temperature {settings.temperature} and top-p {settings.topP}; change them here to set
        them yourself.
      </p>
      <div className="fields">
        {FIELDS.map((f) => (
          <NumberField
            key={f.key}
            label={SETTING_LABELS[f.key]}
            value={settings[f.key] ?? 1}
            min={SETTING_RANGES[f.key].min}
            max={SETTING_RANGES[f.key].max}
            step={f.step}
            integer={f.integer}
            hint={f.hint}
            onCommit={(v) => {
              update({ [f.key]: v });
              if (f.key === 'maxTokens') setLengthBars(null);
            }}
            onValidity={(ok) => setInvalid(f.key, !ok)}
          />
        ))}
      </div>
    </details>
  );
}
