import { create } from 'zustand';
import { EMPTY_FILTER, type CatalogueFilter } from './catalogueFilter';

interface CatalogueState {
  readonly filter: CatalogueFilter;
  /** Catalogue id of the entry on show. */
  readonly selectedId: string | null;
  /** Bumped when another panel opens an entry, so the list scrolls it into view. */
  readonly revealCount: number;
  setFilter(patch: Partial<CatalogueFilter>): void;
  select(id: string | null): void;
  /** Opens an entry from elsewhere (e.g. the neighbours list): clears the search so the entry is listed. */
  open(id: string): void;
}

export const useCatalogueStore = create<CatalogueState>()((set) => ({
  filter: EMPTY_FILTER,
  selectedId: null,
  revealCount: 0,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  select: (selectedId) => set({ selectedId }),
  open: (id) => set((s) => ({ filter: EMPTY_FILTER, selectedId: id, revealCount: s.revealCount + 1 })),
}));
