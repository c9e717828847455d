import { useMemo } from 'react';
import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import { constraintOptions, keyModeProblem } from './constraints';
import { useModel } from './modelService';
import { SETTING_LABELS } from './settingLabels';
import { useVocab } from './useVocab';

/** Whether a generation can start now, and if not, the reason to show next to the button. */
export function useCanGenerate(): { ok: boolean; reason: string | null } {
  const model = useModel();
  const { data: vocab } = useVocab();
  const invalid = useSettings((s) => s.invalid);
  const { key, mode } = useSettings((s) => s.settings);
  const streaming = useTune((s) => s.streaming !== null);
  const options = useMemo(() => constraintOptions(vocab?.json.music ?? []), [vocab]);
  const problem = keyModeProblem(options, key, mode);
  if (streaming) return { ok: false, reason: 'A tune is being written.' };
  if (model.isPending) return { ok: false, reason: 'The model is loading.' };
  if (model.isError) return { ok: false, reason: 'The model is not available.' };
  if (invalid.length)
    return { ok: false, reason: `Fix the settings first: ${invalid.map((f) => SETTING_LABELS[f]).join(', ')}.` };
  if (problem) return { ok: false, reason: problem };
  return { ok: true, reason: null };
}
