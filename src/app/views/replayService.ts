import { planReplay, checkReplay, type ReplayOutcome, type ReplaySkip } from '../../journal/journalReplay';
import { useJournal } from '../../store/journalStore';
import { currentModel } from '../modelService';
import { generateQuietly } from '../shared/readService';

export interface ReplayReport {
  readonly outcomes: readonly ReplayOutcome[];
  readonly skipped: readonly ReplaySkip[];
}

/**
 * Writes every generation of the journal again from its recorded prompt, references, prefix, seed and settings
 * (never from a cache) and checks the tokens match. `onOutcome` hears each node as it finishes.
 */
export async function replayJournal(onOutcome?: (o: ReplayOutcome) => void): Promise<ReplayReport> {
  const plan = planReplay(useJournal.getState().nodes);
  const sha = currentModel()?.modelSha256 ?? '';
  const outcomes: ReplayOutcome[] = [];
  for (const step of plan.steps) {
    const r = await generateQuietly({
      prompt: step.prompt,
      prefix: step.prefix,
      settings: step.settings,
      references: step.references,
    });
    const outcome = checkReplay(step, r.ok ? { tokens: r.value.tokens } : { error: r.error.message }, sha);
    outcomes.push(outcome);
    onOutcome?.(outcome);
  }
  return { outcomes, skipped: plan.skipped };
}
