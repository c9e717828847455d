/**
 * The session ledger's inputs: the policy in force and each attributed generation (plain, serialisable data).
 * The ledger itself is computed from these by `buildLedger`, so changing the policy recomputes every statement.
 */
import { create } from 'zustand';
import { EXAMPLE_POLICIES, type Policy } from '../../royalty/policy';
import type { GenerationAttribution } from '../../royalty/types';

interface LedgerState {
  readonly policy: Policy;
  /** In the order they were attributed; one per generation. */
  readonly generations: readonly GenerationAttribution[];
  setPolicy(policy: Policy): void;
  /** Adds a generation's attribution, or replaces the one kept for the same generation. */
  record(generation: GenerationAttribution): void;
  clear(): void;
}

export const useLedger = create<LedgerState>()((set) => ({
  policy: EXAMPLE_POLICIES['pro-rata'],
  generations: [],
  setPolicy: (policy) => set({ policy }),
  record: (g) =>
    set((s) => {
      const at = s.generations.findIndex((x) => x.generationId === g.generationId);
      if (at < 0) return { generations: [...s.generations, g] };
      const generations = [...s.generations];
      generations[at] = g;
      return { generations };
    }),
  clear: () => set({ generations: [] }),
}));
