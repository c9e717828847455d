/**
 * The model side of reference ablation: one batched teacher-forced pass reads the tune under the same prompt
 * with all references, without each one, and with none. Takes the runner, imports no ORT, so the worker and
 * the CLI run the same code.
 */
import type { ReferenceTokens } from '../runtime/memory';
import type { TuneModelRunner } from '../runtime/modelTypes';
import { readTune } from '../runtime/score';
import type { Vocab } from '../tokenizer/vocab';
import { ablationRows, ablationShares, type AblationResult } from './ablation';
import { promptIds } from './occlusionReadings';

export async function ablationReadings(
  runner: TuneModelRunner,
  vocab: Vocab,
  words: readonly string[],
  tokens: readonly string[],
  references: ReferenceTokens,
): Promise<AblationResult> {
  const rows = ablationRows(references);
  const prompt = promptIds(vocab, words);
  const readings = await readTune(
    runner,
    vocab,
    rows.map(() => prompt),
    tokens,
    rows,
    { attention: false },
  );
  if (references.length === 0) return ablationShares(readings[0], []);
  return ablationShares(readings[0], readings.slice(1, -1), readings[readings.length - 1]);
}
