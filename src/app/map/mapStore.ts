/**
 * What the embedding map places over the catalogue: the generation (its music embedding, when the neighbours
 * panel has one) and its nearest neighbours under the measure on show. The neighbours panel writes it; the map
 * only reads.
 */
import { create } from 'zustand';

export interface MapQuery {
  /** Raw mean decoder hidden state (not centred); null when only the neighbours are known. */
  readonly musicEmbedding: Float32Array | null;
  readonly label: string;
}

export interface MapNeighbour {
  readonly id: string;
  /** 1 for the nearest. */
  readonly rank: number;
}

interface MapContent {
  readonly query: MapQuery | null;
  readonly neighbours: readonly MapNeighbour[];
  /** Names the measure that ranked the neighbours, e.g. "melodic n-gram overlap, training tunes". */
  readonly measureLabel: string;
}

interface MapState extends MapContent {
  set(patch: Partial<MapContent>): void;
  clear(): void;
}

const EMPTY: MapContent = { query: null, neighbours: [], measureLabel: '' };

export const useMapStore = create<MapState>()((set) => ({
  ...EMPTY,
  set: (patch) => set(patch),
  clear: () => set(EMPTY),
}));
