import { create } from 'zustand';
import type { JournalNode } from '../journal/journal';

interface JournalState {
  /** Every node, oldest first. */
  readonly nodes: readonly JournalNode[];
  /** The node being explored: new generations become its children, view changes are kept on it. */
  readonly currentId: string | null;
  readonly storage: 'loading' | 'indexeddb' | 'memory';
  /** Why the journal is only in memory, if it is. */
  readonly warning: string | null;
  setNodes(nodes: readonly JournalNode[]): void;
  setCurrent(id: string | null): void;
  setStorage(storage: JournalState['storage'], warning: string | null): void;
}

export const useJournal = create<JournalState>()((set) => ({
  nodes: [],
  currentId: null,
  storage: 'loading',
  warning: null,
  setNodes: (nodes) => set({ nodes }),
  setCurrent: (currentId) => set({ currentId }),
  setStorage: (storage, warning) => set({ storage, warning }),
}));
