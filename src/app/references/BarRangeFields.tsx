import { useId } from 'react';
import type { RangeText } from './barRangeText';

interface Props {
  readonly value: RangeText;
  onChange(value: RangeText): void;
  readonly bars?: number;
}

/** First and last bar of a reference; left empty, the default range is taken. */
export function BarRangeFields({ value, onChange, bars }: Props) {
  const id = useId();
  return (
    <span className="bar-range" role="group" aria-label="Reference bars">
      <label htmlFor={`${id}-first`}>From bar</label>
      <input
        id={`${id}-first`}
        type="number"
        min={1}
        max={bars}
        inputMode="numeric"
        value={value.first}
        placeholder="1"
        onChange={(e) => onChange({ ...value, first: e.target.value })}
      />
      <label htmlFor={`${id}-last`}>to bar</label>
      <input
        id={`${id}-last`}
        type="number"
        min={1}
        max={bars}
        inputMode="numeric"
        value={value.last}
        placeholder="auto"
        onChange={(e) => onChange({ ...value, last: e.target.value })}
      />
    </span>
  );
}
