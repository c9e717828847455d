/**
 * Replay: write every generation of a journal again from its recorded prompt, prefix, seed and settings, and
 * check the tokens match. Planning and checking are pure; the page runs the plan through the worker.
 */
import type { Reference } from '../music/excerpt';
import type { GenerationSettings } from '../runtime/decode';
import { treeOrder, type JournalNode, type Nodes } from './journal';

export interface ReplayStep {
  readonly nodeId: string;
  readonly prompt: string;
  readonly prefix: readonly string[];
  readonly settings: GenerationSettings;
  readonly references: readonly Reference[];
  readonly expected: readonly string[];
  readonly modelSha256: string;
}

export interface ReplaySkip {
  readonly nodeId: string;
  readonly reason: string;
}

export interface ReplayPlan {
  /** In tree order, so the report reads like the journal. */
  readonly steps: readonly ReplayStep[];
  readonly skipped: readonly ReplaySkip[];
}

const REPLAYABLE = new Set<JournalNode['kind']>(['generation', 'continuation', 'regeneration', 'sweep']);

function skipReason(n: JournalNode): string | null {
  if (n.kind === 'edit') return 'edited by hand: the model did not write these tokens';
  if (n.kind === 'reading') return "a likelihood reading: it wrote no tune (it read its parent's)";
  if (!REPLAYABLE.has(n.kind)) return `kind ${n.kind} is not a generation`;
  if (n.stopped === 'cancelled') return 'cancelled while being written: the recorded tune is incomplete';
  return null;
}

export function planReplay(nodes: Nodes): ReplayPlan {
  const steps: ReplayStep[] = [];
  const skipped: ReplaySkip[] = [];
  for (const { node: n } of treeOrder(nodes)) {
    const reason = skipReason(n);
    if (reason) {
      skipped.push({ nodeId: n.id, reason });
      continue;
    }
    steps.push({
      nodeId: n.id,
      prompt: n.prompt,
      prefix: n.tokens.slice(0, n.prefixLength),
      settings: n.settings,
      references: n.references ?? [],
      expected: n.tokens,
      modelSha256: n.modelSha256,
    });
  }
  return { steps, skipped };
}

export interface ReplayOutcome {
  readonly nodeId: string;
  readonly ok: boolean;
  /** "tokens match (64)", "token 12 differs: expected 'A', got 'B'", or the error that stopped the replay. */
  readonly detail: string;
  /** Set when the model now loaded is not the one that wrote the node: a mismatch is then expected. */
  readonly modelChanged: boolean;
}

/** Compares a replayed tune (or the error that replaced it) with what the node recorded. */
export function checkReplay(
  step: ReplayStep,
  got: { readonly tokens: readonly string[] } | { readonly error: string },
  modelSha256: string,
): ReplayOutcome {
  const modelChanged = step.modelSha256 !== modelSha256;
  if ('error' in got)
    return { nodeId: step.nodeId, ok: false, detail: `could not be written: ${got.error}`, modelChanged };
  const { expected } = step;
  const { tokens } = got;
  const n = Math.min(expected.length, tokens.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== tokens[i]) {
      const detail = `token ${i + 1} differs: expected '${expected[i]}', got '${tokens[i]}'`;
      return { nodeId: step.nodeId, ok: false, detail, modelChanged };
    }
  }
  if (expected.length !== tokens.length) {
    const detail = `same first ${n} tokens, but ${tokens.length} tokens instead of ${expected.length}`;
    return { nodeId: step.nodeId, ok: false, detail, modelChanged };
  }
  return { nodeId: step.nodeId, ok: true, detail: `tokens match (${n})`, modelChanged };
}
