/**
 * When the catalogue (about 1 MB, and every panel that draws it) and the neighbour indexes built from it may load:
 * at a pause after the model is ready, so no tune shares the machine with them. Nothing a generation needs comes
 * from them: the vocabulary and grammar come with the model, and references chosen from the catalogue are added by
 * hand. Opened as a tune ended, they loaded under the next one when a person pressed Generate again at once
 * (e2e/neighbours.spec.ts checks that the indexes no longer do). It opens once, for good.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { useTune } from '../../store/tuneStore';
import { useModel } from '../modelService';

/** How long the page must go without a tune being written, once the model is ready, before the catalogue loads. */
export const IDLE_BEFORE_CATALOGUE_MS = 1000;

interface CatalogueGateState {
  readonly open: boolean;
  openNow(): void;
}

export const useCatalogueGate = create<CatalogueGateState>()((set) => ({
  open: false,
  openNow: () => set({ open: true }),
}));

export interface GateInputs {
  readonly open: boolean;
  readonly modelReady: boolean;
  readonly modelFailed: boolean;
  readonly generating: boolean;
}

/**
 * 'now' when the model failed (the catalogue views work without it); 'after-idle' when it is ready and no tune is
 * being written, with or without one on show (a press within the idle time defers the catalogue to the end of that
 * tune, and the idle time starts again); else 'wait'.
 */
export function gateAction(g: GateInputs): 'now' | 'after-idle' | 'wait' {
  if (g.open) return 'wait';
  if (g.modelFailed) return 'now';
  if (!g.modelReady || g.generating) return 'wait';
  return 'after-idle';
}

/** Follows the model and the generation, and opens the gate; mounted once, by the app. */
export function useCatalogueGateOpener(): void {
  const model = useModel();
  const generating = useTune((s) => s.streaming !== null);
  const { open, openNow } = useCatalogueGate();
  const modelReady = model.data !== undefined;
  const action = gateAction({ open, modelReady, modelFailed: model.isError, generating });
  useEffect(() => {
    if (action === 'now') openNow();
    if (action !== 'after-idle') return;
    const timer = setTimeout(openNow, IDLE_BEFORE_CATALOGUE_MS);
    return () => clearTimeout(timer);
  }, [action, openNow]);
}
