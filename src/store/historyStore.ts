import { create } from 'zustand';
import type { Tune } from './types';

interface HistoryState {
  /** Newest first. */
  readonly entries: readonly Tune[];
  readonly storage: 'loading' | 'indexeddb' | 'memory';
  /** Why history is only in memory, if it is. */
  readonly warning: string | null;
  setEntries(entries: readonly Tune[]): void;
  add(tune: Tune): void;
  setStorage(storage: HistoryState['storage'], warning: string | null): void;
}

export const useHistory = create<HistoryState>()((set) => ({
  entries: [],
  storage: 'loading',
  warning: null,
  setEntries: (entries) => set({ entries }),
  add: (tune) => set((s) => ({ entries: [tune, ...s.entries.filter((e) => e.id !== tune.id)] })),
  setStorage: (storage, warning) => set({ storage, warning }),
}));
