import { useId, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly integer?: boolean;
  readonly onCommit: (value: number) => void;
  readonly onValidity?: (valid: boolean) => void;
  readonly hint?: string;
}

/** A number input that only commits values inside its range; out-of-range text stays visible with a message. */
export function NumberField({ label, value, min, max, step, integer, onCommit, onValidity, hint }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(parsed) &&
    parsed >= min &&
    parsed <= max &&
    (!integer || Number.isInteger(parsed));
  return (
    <div className={valid ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        aria-invalid={!valid}
        aria-describedby={`${id}-msg`}
        onChange={(e) => {
          const next = e.target.value;
          const n = Number(next);
          const ok =
            next.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
          setDraft(next);
          onValidity?.(ok);
          if (ok) onCommit(n);
        }}
        onBlur={() => valid && setDraft(null)}
      />
      <span id={`${id}-msg`} className={valid ? 'field-hint' : 'field-error'} role={valid ? undefined : 'alert'}>
        {valid ? hint : `${label} must be ${integer ? 'a whole number ' : ''}between ${min} and ${max}`}
      </span>
    </div>
  );
}
