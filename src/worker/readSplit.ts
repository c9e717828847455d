/**
 * How a batched reading is shared between the model worker and its reading helper (a second onnxruntime instance
 * in a second worker). A reading is compute-bound at one core's WebAssembly speed, and onnxruntime-web's thread
 * pool is global, so a second thread would slow every decode step too; a second runtime takes a share of the rows
 * instead. Pure, so the split and the merge are table-tested.
 */
import type { MemoryShape } from '../runtime/modelTypes';
import type { PromptReading, ReadRequest } from './protocol';

/**
 * Rows × positions below which a reading stays in one runtime: a share then saves little beside the messages and the
 * second encoder call (a 2-row reading of a 256-token tune is 2/11 of the bench's leave-one-out reading).
 */
export const MIN_SPLIT_POSITIONS = 512;

export interface ReadSplit {
  /** Indices into the request's prompts, in order: the rows read here, then the rows the helper reads. */
  readonly here: readonly number[];
  readonly helper: readonly number[];
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Halves a reading of `rows` prompts over `tokens` tokens (the larger half here), or null when not worth it. */
export function planSplit(rows: number, tokens: number): ReadSplit | null {
  if (rows < 2 || rows * (tokens + 1) < MIN_SPLIT_POSITIONS) return null;
  const here = Math.ceil(rows / 2);
  return { here: range(0, here), helper: range(here, rows) };
}

export type RowsRequest = Omit<ReadRequest, 'type' | 'id'>;

/** The request for some rows of `req`, padded to the whole reading's memory and with its attention rows renumbered. */
export function rowsRequest(req: RowsRequest, rows: readonly number[], memoryAtLeast: MemoryShape): RowsRequest {
  const wanted = new Set(req.attentionFor);
  return {
    prompts: rows.map((r) => req.prompts[r]),
    tokens: req.tokens,
    attentionFor: rows.flatMap((r, i) => (wanted.has(r) ? [i] : [])),
    ...(req.references ? { references: rows.map((r) => req.references![r]) } : {}),
    memoryAtLeast,
  };
}

/** One part's readings and the memory columns they were laid out over. */
export interface ReadPart {
  readonly readings: readonly PromptReading[];
  readonly textLength: number;
  readonly memoryLength: number;
}

/** The parts' readings back in request order; throws when the parts were laid out differently. */
export function mergeParts(split: ReadSplit, here: ReadPart, helper: ReadPart): ReadPart {
  if (here.textLength !== helper.textLength || here.memoryLength !== helper.memoryLength)
    throw new Error(
      `the reading's parts disagree on the memory: ${here.textLength}/${here.memoryLength} words/columns here, ` +
        `${helper.textLength}/${helper.memoryLength} in the helper`,
    );
  const counts = [
    [split.here.length, here.readings.length],
    [split.helper.length, helper.readings.length],
  ];
  if (counts.some(([asked, got]) => asked !== got))
    throw new Error(`the reading's parts returned ${counts.map(([, got]) => got).join(' and ')} rows`);
  const readings: PromptReading[] = [];
  split.here.forEach((row, i) => (readings[row] = here.readings[i]));
  split.helper.forEach((row, i) => (readings[row] = helper.readings[i]));
  return { readings, textLength: here.textLength, memoryLength: here.memoryLength };
}
