/** The rights registry in force: the shipped demo, or a researcher's file, with their edits. */
import { create } from 'zustand';
import type { Registry } from '../../rights/registrySchema';

export const SHIPPED_ORIGIN = 'the shipped demo registry';

interface RightsState {
  readonly status: 'loading' | 'ready' | 'error';
  readonly registry: Registry | null;
  /** SHIPPED_ORIGIN or the name of the file it was loaded from. */
  readonly origin: string;
  /** True once an entry was edited in this app. */
  readonly edited: boolean;
  /** Why the registry could not be loaded (status 'error'). */
  readonly error: string | null;
  /** Why edits will not outlast the visit (IndexedDB unavailable), or why a stored registry was set aside. */
  readonly warning: string | null;
  /** Counts registries put in force (start, a loaded file, a reset), so editors start afresh on each. */
  readonly loads: number;
  set(patch: Partial<Omit<RightsState, 'set'>>): void;
}

export const useRights = create<RightsState>()((set) => ({
  status: 'loading',
  registry: null,
  origin: SHIPPED_ORIGIN,
  edited: false,
  error: null,
  warning: null,
  loads: 0,
  set: (patch) => set(patch),
}));
