import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import type { Tune } from '../store/types';

/**
 * Puts a tune on show together with the prompt, settings (seed included) and references it was written from,
 * so that Generate, continuations and exports start from the tune's own provenance rather than from whatever
 * the prompt box held before. History, the journal and anything that brings a tune back go through here.
 *
 * The seed lock stays as the user set it. Locked, Generate writes the opened tune again with whatever the
 * user changes next (the usual way to hear what one setting does); unlocked, it writes another tune from the
 * same prompt and settings. Flipping the lock on open would change that mode behind the user's back.
 */
export function openTune(tune: Tune): void {
  useSettings.getState().restoreFrom(tune);
  if (useTune.getState().current?.id !== tune.id) useTune.getState().setCurrent(tune);
}
