import { create } from 'zustand';
import { DEFAULT_BARS } from '../music/barBudget';
import type { Reference } from '../music/excerpt';
import { DEFAULT_SETTINGS, SETTING_RANGES, type GenerationSettings } from '../runtime/decode';
import type { BackendPreference } from '../worker/protocol';

export type NumericSetting = keyof typeof SETTING_RANGES | 'lengthBars';

interface SettingsState {
  readonly prompt: string;
  readonly settings: GenerationSettings;
  /** Reference excerpts for the next generation (0 to 3), read beside the prompt. */
  readonly references: readonly Reference[];
  /** Locked: every generation uses `settings.seed`. Unlocked: a fresh seed is drawn for each one. */
  readonly seedLocked: boolean;
  /** Length in bars, turned into `settings.maxTokens` when a tune is written; null: the token limit was set by hand. */
  readonly lengthBars: number | null;
  readonly backend: BackendPreference;
  /** Names of numeric fields whose text is out of range; generating waits until they are fixed. */
  readonly invalid: readonly NumericSetting[];
  setPrompt(prompt: string): void;
  setReferences(references: readonly Reference[]): void;
  update(patch: Partial<GenerationSettings>): void;
  setSeedLocked(locked: boolean): void;
  setLengthBars(bars: number | null): void;
  setBackend(backend: BackendPreference): void;
  /** The prompt, settings (seed included) and references a tune was written from; the seed lock stays. */
  restoreFrom(tune: { prompt: string; settings: GenerationSettings; references?: readonly Reference[] }): void;
  setInvalid(field: NumericSetting, invalid: boolean): void;
  /** Back to the first visit's prompt, settings and (no) references; the backend choice stays. */
  reset(): void;
}

function backendFromUrl(): BackendPreference {
  const b = new URLSearchParams(globalThis.location?.search ?? '').get('backend');
  return b === 'webgpu' || b === 'wasm' ? b : 'auto';
}

export const INITIAL_SETTINGS: GenerationSettings = {
  ...DEFAULT_SETTINGS,
  maxTokens: Math.min(DEFAULT_SETTINGS.maxTokens, SETTING_RANGES.maxTokens.max),
};

export const INITIAL_PROMPT = 'a lively reel in D major';

export const useSettings = create<SettingsState>()((set) => ({
  prompt: INITIAL_PROMPT,
  settings: INITIAL_SETTINGS,
  references: [],
  seedLocked: false,
  lengthBars: DEFAULT_BARS,
  backend: backendFromUrl(),
  invalid: [],
  setPrompt: (prompt) => set({ prompt }),
  setReferences: (references) => set({ references }),
  update: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  setSeedLocked: (seedLocked) => set({ seedLocked }),
  setLengthBars: (lengthBars) => set({ lengthBars }),
  setBackend: (backend) => set({ backend }),
  restoreFrom: ({ prompt, settings, references }) => set({ prompt, settings, references: references ?? [] }),
  setInvalid: (field, invalid) =>
    set((s) => ({ invalid: invalid ? [...new Set([...s.invalid, field])] : s.invalid.filter((f) => f !== field) })),
  reset: () =>
    set({
      prompt: INITIAL_PROMPT,
      settings: INITIAL_SETTINGS,
      references: [],
      seedLocked: false,
      lengthBars: DEFAULT_BARS,
      invalid: [],
    }),
}));

/** A fresh 32-bit seed. */
export function drawSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}
