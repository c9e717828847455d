import { create } from 'zustand';
import type { LoadProgress } from '../worker/modelClient';

interface ModelStatusState {
  /** Download progress of the model files, while loading. */
  readonly progress: LoadProgress | null;
  setProgress(p: LoadProgress | null): void;
}

export const useModelStatus = create<ModelStatusState>()((set) => ({
  progress: null,
  setProgress: (progress) => set({ progress }),
}));
