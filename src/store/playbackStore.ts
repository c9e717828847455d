import { create } from 'zustand';
import type { InstrumentName } from '../audio/instruments';
import type { PlayerState } from '../audio/player';

interface PlaybackState {
  readonly state: PlayerState;
  readonly instrument: InstrumentName;
  readonly tempoBpm: number;
  readonly loop: boolean;
  readonly loading: boolean;
  readonly error: string | null;
  set(patch: Partial<Omit<PlaybackState, 'set'>>): void;
}

export const TEMPO_RANGE = { min: 40, max: 240 } as const;

export const usePlayback = create<PlaybackState>()((set) => ({
  state: 'stopped',
  instrument: 'fiddle',
  tempoBpm: 110,
  loop: false,
  loading: false,
  error: null,
  set: (patch) => set(patch),
}));
