import { useId } from 'react';
import type { SettingField, Settings, SettingsSpec, SettingValue } from '../../explain/interpreter';
import { NumberField } from '../NumberField';

interface Props<S extends Settings> {
  readonly spec: SettingsSpec<S>;
  readonly value: S;
  readonly onChange: (patch: Partial<S>) => void;
  /** Names the form for screen readers and tests, e.g. "Attention settings". */
  readonly label: string;
}

/** A field shows when its `when` holds and the field it depends on shows too (layer needs layers = one). */
function visible(spec: Readonly<Record<string, SettingField>>, value: Settings, key: string, depth = 0): boolean {
  const when = spec[key]?.when;
  if (!when || depth > 8) return true;
  return when.is.includes(value[when.key]) && visible(spec, value, when.key, depth + 1);
}

/** The controls of an interpretation method, generated from its declared settings. */
export function SettingsForm<S extends Settings>({ spec, value, onChange, label }: Props<S>) {
  const id = useId();
  const fields = spec as Readonly<Record<string, SettingField>>;
  const set = (key: string, v: SettingValue) => onChange({ [key]: v } as Partial<S>);
  return (
    <fieldset className="settings-form" aria-label={label}>
      {Object.entries(fields).map(([key, f]) => {
        if (!visible(fields, value, key)) return null;
        const fid = `${id}-${key}`;
        const current = value[key];
        if (f.kind === 'integer' || f.kind === 'number')
          return (
            <NumberField
              key={key}
              label={f.label}
              value={Number(current)}
              min={f.min}
              max={f.max}
              step={f.step}
              integer={f.kind === 'integer'}
              hint={f.help}
              onCommit={(v) => set(key, v)}
            />
          );
        return (
          <div className="field" key={key}>
            <label htmlFor={fid}>{f.label}</label>
            {f.kind === 'choice' ? (
              <select id={fid} value={String(current)} onChange={(e) => set(key, e.target.value)}>
                {f.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={fid} type="checkbox" checked={current === true} onChange={(e) => set(key, e.target.checked)} />
            )}
            {f.help && <span className="field-hint">{f.help}</span>}
          </div>
        );
      })}
    </fieldset>
  );
}
