/**
 * When the catalogue (about 1 MB, and every panel that draws it) may load: after the model, so the first tune gets
 * the network and the main thread. Nothing the first generation needs comes from it: the vocabulary and grammar
 * come with the model, and references chosen from it are added by hand. It opens once, for good.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { useTune } from '../../store/tuneStore';
import { useModel } from '../modelService';

/** How long a ready model waits for a Generate press before the catalogue loads anyway. */
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
 * 'now' when the model failed (the catalogue views work without it); 'after-idle' when the model is ready and no
 * tune is being written (a press within the idle time defers it to the end of that tune); else 'wait'.
 */
export function gateAction({ open, modelReady, modelFailed, generating }: GateInputs): 'now' | 'after-idle' | 'wait' {
  if (open) return 'wait';
  if (modelFailed) return 'now';
  return modelReady && !generating ? 'after-idle' : 'wait';
}

/** Follows the model and the generation, and opens the gate; mounted once, by the app. */
export function useCatalogueGateOpener(): void {
  const model = useModel();
  const generating = useTune((s) => s.streaming !== null);
  const { open, openNow } = useCatalogueGate();
  const action = gateAction({ open, modelReady: model.data !== undefined, modelFailed: model.isError, generating });
  useEffect(() => {
    if (action === 'now') openNow();
    if (action !== 'after-idle') return;
    const timer = setTimeout(openNow, IDLE_BEFORE_CATALOGUE_MS);
    return () => clearTimeout(timer);
  }, [action, openNow]);
}
