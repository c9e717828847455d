import { create } from 'zustand';
import type { Tune } from './types';

export interface Streaming {
  readonly tokens: readonly string[];
  readonly prefixLength: number;
  readonly maxTokens: number;
  readonly prompt: string;
}

interface TuneState {
  /** The tune on show (and played, exported, continued). */
  readonly current: Tune | null;
  /** Tokens of the generation in progress; the score shows these while it runs. */
  readonly streaming: Streaming | null;
  /** Selected measure of the tune on show, by index from `splitMeasures`. */
  readonly selectedMeasure: number | null;
  readonly generationError: string | null;
  /** Index (in note order) of the note sounding now, for the playhead. */
  readonly playingNote: number | null;
  setCurrent(tune: Tune | null): void;
  startStreaming(s: Streaming): void;
  setStreamTokens(tokens: readonly string[]): void;
  endStreaming(): void;
  select(measure: number | null): void;
  setGenerationError(message: string | null): void;
  setPlayingNote(index: number | null): void;
}

export const useTune = create<TuneState>()((set) => ({
  current: null,
  streaming: null,
  selectedMeasure: null,
  generationError: null,
  playingNote: null,
  setCurrent: (current) => set({ current, selectedMeasure: null, playingNote: null }),
  startStreaming: (streaming) => set({ streaming, generationError: null, selectedMeasure: null }),
  setStreamTokens: (tokens) => set((s) => (s.streaming ? { streaming: { ...s.streaming, tokens } } : {})),
  endStreaming: () => set({ streaming: null }),
  select: (selectedMeasure) => set({ selectedMeasure }),
  setGenerationError: (generationError) => set({ generationError }),
  setPlayingNote: (playingNote) => set({ playingNote }),
}));
