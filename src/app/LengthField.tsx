import { useMemo } from 'react';
import { BAR_RANGE, barsForTokenBudget, meterForLength, tokenBudgetForBars } from '../music/barBudget';
import { askOfPrompt } from '../music/promptAsk';
import { useSettings } from '../store/settingsStore';
import { promptWords } from '../tokenizer/textTokens';
import { NumberField } from './NumberField';
import { SETTING_LABELS } from './settingLabels';

/** The tune's length in bars, counted in the pinned meter or the prompt's; it sets the token limit. */
export function LengthField() {
  const lengthBars = useSettings((s) => s.lengthBars);
  const maxTokens = useSettings((s) => s.settings.maxTokens);
  const pinned = useSettings((s) => s.settings.meter);
  const prompt = useSettings((s) => s.prompt);
  const setLengthBars = useSettings((s) => s.setLengthBars);
  const setInvalid = useSettings((s) => s.setInvalid);
  const meter = useMemo(() => meterForLength(pinned, askOfPrompt(promptWords(prompt)).meters), [pinned, prompt]);
  const hint =
    lengthBars === null
      ? `from the token limit of ${maxTokens} in Advanced`
      : `about ${lengthBars} bars of ${meter} (token limit ${tokenBudgetForBars(lengthBars, meter)}); the tune may end sooner`;
  return (
    <NumberField
      label={SETTING_LABELS.lengthBars}
      value={lengthBars ?? Math.min(BAR_RANGE.max, barsForTokenBudget(maxTokens, meter))}
      min={BAR_RANGE.min}
      max={BAR_RANGE.max}
      integer
      hint={hint}
      onCommit={setLengthBars}
      onValidity={(ok) => setInvalid('lengthBars', !ok)}
    />
  );
}
