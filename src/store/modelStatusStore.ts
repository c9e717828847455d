import { create } from 'zustand';
import type { LoadProgress, LoadStageProgress } from '../worker/modelClient';

interface ModelStatusState {
  /** Download progress of the model files, while loading. */
  readonly progress: LoadProgress | null;
  setProgress(p: LoadProgress | null): void;
  /** The step after the download (preparing the model, warm-up); null while downloading or when done. */
  readonly stage: LoadStageProgress | null;
  setStage(s: LoadStageProgress | null): void;
}

export const useModelStatus = create<ModelStatusState>()((set) => ({
  progress: null,
  setProgress: (progress) => set({ progress }),
  stage: null,
  setStage: (stage) => set({ stage }),
}));
