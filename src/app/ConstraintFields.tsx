import { useMemo } from 'react';
import { MODE_WORDS, type Mode } from '../music/key';
import { useSettings } from '../store/settingsStore';
import { constraintOptions, keyModeProblem } from './constraints';
import { useVocab } from './useVocab';

interface SelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: string | null;
  readonly options: readonly { value: string; label: string }[];
  readonly onChange: (value: string | null) => void;
}

function ConstraintSelect({ id, label, value, options, onChange }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">model chooses</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Meter, key and mode pinned from the tokens the model knows, and the "fit bars" rule. */
export function ConstraintFields() {
  const { data: vocab } = useVocab();
  const { meter, key, mode, fitBars } = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const options = useMemo(() => constraintOptions(vocab?.json.music ?? []), [vocab]);
  const problem = keyModeProblem(options, key, mode);
  const plain = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <div className="fields constraints">
      <ConstraintSelect
        id="meter-select"
        label="Meter"
        value={meter}
        options={plain(options.meters)}
        onChange={(v) => update({ meter: v })}
      />
      <ConstraintSelect
        id="key-select"
        label="Key"
        value={key}
        options={plain(options.keys)}
        onChange={(v) => update({ key: v })}
      />
      <ConstraintSelect
        id="mode-select"
        label="Mode"
        value={mode}
        options={options.modes.map((m) => ({ value: m, label: MODE_WORDS[m] ?? m }))}
        onChange={(v) => update({ mode: v as Mode | null })}
      />
      <label className="toggle">
        <input type="checkbox" checked={fitBars} onChange={(e) => update({ fitBars: e.target.checked })} />
        Fit bars to the meter
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
