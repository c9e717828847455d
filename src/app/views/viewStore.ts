import { create } from 'zustand';
import type { AttentionSettings } from '../../explain/attention';
import {
  DEFAULT_VIEWS,
  type DiffractionView,
  type PerturbationView,
  type SweepView,
  type ViewState,
} from '../../journal/journalViews';

interface ViewStore {
  /** The settings of every view: plain data, kept on the current journal node so reopening restores them. */
  readonly views: ViewState;
  /**
   * The views were restored by opening a journal node: readings and regenerations they name are shown when
   * already at hand, and each runs again only when the user asks for it (see `release`). Not kept on nodes.
   */
  readonly held: Readonly<Record<HeldPart, boolean>>;
  setTab(tab: ViewState['tab']): void;
  setAttention(patch: Partial<AttentionSettings>): void;
  setWord(word: number | null): void;
  setPerturbation(patch: Partial<PerturbationView>): void;
  setSweep(patch: Partial<SweepView>): void;
  setDiffraction(patch: Partial<DiffractionView>): void;
  replace(views: ViewState, held?: boolean): void;
  /** The user asked for this reading or regeneration: it may run again; the other parts stay held. */
  release(part: HeldPart): void;
}

/** The parts of the views that run work: the likelihood reading, the A/B regeneration, the guidance sweep. */
export type HeldPart = 'read' | 'compare' | 'sweep';
const holdAll = (held: boolean) => ({ read: held, compare: held, sweep: held });

export const useViews = create<ViewStore>()((set) => ({
  views: DEFAULT_VIEWS,
  held: holdAll(false),
  setTab: (tab) => set((s) => ({ views: { ...s.views, tab } })),
  setAttention: (patch) => set((s) => ({ views: { ...s.views, attention: { ...s.views.attention, ...patch } } })),
  setWord: (word) => set((s) => ({ views: { ...s.views, word } })),
  setPerturbation: (patch) =>
    set((s) => ({ views: { ...s.views, perturbation: { ...s.views.perturbation, ...patch } } })),
  setSweep: (patch) => set((s) => ({ views: { ...s.views, sweep: { ...s.views.sweep, ...patch } } })),
  setDiffraction: (patch) => set((s) => ({ views: { ...s.views, diffraction: { ...s.views.diffraction, ...patch } } })),
  replace: (views, held = false) => set({ views, held: holdAll(held) }),
  release: (part) => set((s) => ({ held: { ...s.held, [part]: false } })),
}));
