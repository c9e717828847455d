import { useMemo } from 'react';
import { termsForSource } from '../rights/terms';
import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import { constraintOptions, keyModeProblem } from './constraints';
import { useModel } from './modelService';
import { refusedReference } from './references/choose';
import { useRights } from './rights/rightsStore';
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
  const references = useSettings((s) => s.references);
  const registry = useRights((s) => s.registry);
  // Consent is checked again here: the registry may have been edited or replaced since a reference was chosen.
  const refused = useMemo(
    () => (registry ? refusedReference(references, (source) => termsForSource(registry, source).terms) : null),
    [registry, references],
  );
  if (streaming) return { ok: false, reason: 'A tune is being written.' };
  if (model.isPending) return { ok: false, reason: 'The model is loading.' };
  if (model.isError) return { ok: false, reason: 'The model is not available.' };
  if (invalid.length)
    return { ok: false, reason: `Fix the settings first: ${invalid.map((f) => SETTING_LABELS[f]).join(', ')}.` };
  if (problem) return { ok: false, reason: problem };
  if (refused) return { ok: false, reason: refused };
  return { ok: true, reason: null };
}
