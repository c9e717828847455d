/**
 * The neighbour measure and its settings, shared by the neighbours panel and the embedding map: the map rings the
 * nearest tunes under this measure, says which it is, and can switch it. Plain data.
 */
import { create } from 'zustand';
import { DEFAULT_NEIGHBOUR_SETTINGS, type NeighbourMeasure, type NeighbourSettings } from '../../explain/neighbours';

export const INITIAL_NEIGHBOUR_SETTINGS: NeighbourSettings = { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'ngram', k: 10 };

interface NeighbourSettingsState {
  readonly settings: NeighbourSettings;
  /** Why a measure cannot run now (its index or the model is missing), as the neighbours panel found it. */
  readonly unavailable: Readonly<Partial<Record<NeighbourMeasure, string>>>;
  change(patch: Partial<NeighbourSettings>): void;
  setUnavailable(unavailable: Partial<Record<NeighbourMeasure, string>>): void;
  reset(): void;
}

export const useNeighbourSettings = create<NeighbourSettingsState>()((set) => ({
  settings: INITIAL_NEIGHBOUR_SETTINGS,
  unavailable: {},
  change: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  setUnavailable: (unavailable) => set({ unavailable }),
  reset: () => set({ settings: INITIAL_NEIGHBOUR_SETTINGS, unavailable: {} }),
}));
