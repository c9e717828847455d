import type { NumericSetting } from '../store/settingsStore';

/** Each numeric setting's field label, used by the fields themselves and by messages that name fields to fix. */
export const SETTING_LABELS: Readonly<Record<NumericSetting, string>> = {
  seed: 'Seed',
  temperature: 'Temperature',
  topP: 'Top-p',
  topK: 'Top-k',
  guidance: 'Guidance',
  referenceWeight: 'Reference pull',
  maxTokens: 'Token limit',
  lengthBars: 'Length (bars)',
};
