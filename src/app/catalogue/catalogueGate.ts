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
  /** A tune is on show, whose views (neighbours, map) want the catalogue. */
  readonly tuneShown: boolean;
}

/**
 * 'now' when the model failed (the catalogue views work without it) or is ready with a tune on show and none being
 * written (the first tune is done); 'after-idle' when it is ready with nothing on show (a press within the idle
 * time defers the catalogue to the end of that tune); else 'wait'.
 */
export function gateAction(g: GateInputs): 'now' | 'after-idle' | 'wait' {
  if (g.open) return 'wait';
  if (g.modelFailed) return 'now';
  if (!g.modelReady || g.generating) return 'wait';
  return g.tuneShown ? 'now' : 'after-idle';
}

/** Follows the model and the generation, and opens the gate; mounted once, by the app. */
export function useCatalogueGateOpener(): void {
  const model = useModel();
  const generating = useTune((s) => s.streaming !== null);
  const tuneShown = useTune((s) => s.current !== null);
  const { open, openNow } = useCatalogueGate();
  const modelReady = model.data !== undefined;
  const action = gateAction({ open, modelReady, modelFailed: model.isError, generating, tuneShown });
  useEffect(() => {
    if (action === 'now') openNow();
    if (action !== 'after-idle') return;
    const timer = setTimeout(openNow, IDLE_BEFORE_CATALOGUE_MS);
    return () => clearTimeout(timer);
  }, [action, openNow]);
}
