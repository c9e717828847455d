/** Adding and removing the references of the next generation, with the registry's consent enforced. */
import { referenceLabel, type BarRange, type Reference, type ReferenceSource } from '../../music/excerpt';
import { termsForSource } from '../../rights/terms';
import { useNotices } from '../../store/noticeStore';
import { useSettings } from '../../store/settingsStore';
import { useRights } from '../rights/rightsStore';
import { chooseReference, type Choice } from './choose';

/** Adds a reference when its terms and the model allow it; otherwise leaves the choice as it was and says why. */
export function addReference(source: ReferenceSource, tokens: readonly string[], range: BarRange | null): Choice {
  const { registry } = useRights.getState();
  if (!registry) return { ok: false, reason: 'The rights registry is not loaded yet, so consent cannot be checked.' };
  const { references, setReferences } = useSettings.getState();
  const terms = termsForSource(registry, source).terms;
  const choice = chooseReference(references, { source, tokens, range, terms });
  if (choice.ok) {
    setReferences([...references, choice.reference]);
    useNotices.getState().push(`${referenceLabel(choice.reference)} is now a reference for the next tune.`);
  }
  return choice;
}

export function removeReference(reference: Reference): void {
  const { references, setReferences } = useSettings.getState();
  setReferences(references.filter((r) => r !== reference));
}
