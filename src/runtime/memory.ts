/**
 * The encoder's inputs for a batch of prompts and reference excerpts, and what the memory columns hold
 * (docs/model-contract.md). Pure, so the runner, the parity test and unit tests build them the same way.
 */
import { MAX_REFERENCES } from '../music/excerpt';
import type { Vocab } from '../tokenizer/vocab';
import type { MemoryLayout, MemoryShape, RowReferences } from './modelTypes';

/** One row's reference excerpts as music tokens: 0 to MAX_REFERENCES lists. */
export type ReferenceTokens = readonly (readonly string[])[];

export interface MemoryInputs {
  readonly batch: number;
  /** T: word columns, the longest prompt (cut to max_text). */
  readonly textLength: number;
  /** R: reference columns, the longest row's references laid end to end (0 when no row has any). */
  readonly refLength: number;
  /** (B, T) word ids, 0-padded, and (B, T) 1 for words. */
  readonly text: Int32Array;
  readonly textValid: Float32Array;
  /** (B, R) music ids of each row's references one after another, and (B, R) their slots 1..3 (0 = padding). */
  readonly refs: Int32Array;
  readonly refSlot: Int32Array;
  /** (B, T + R): text_valid followed by ref_slot > 0, the decoder's `memory_valid`. */
  readonly memoryValid: Float32Array;
}

/** Throws a RangeError unless every row has at most MAX_REFERENCES references of 1..maxRef tokens. */
export function checkRowReferences(rows: readonly RowReferences[], maxRef: number): void {
  rows.forEach((refs, b) => {
    if (refs.length > MAX_REFERENCES)
      throw new RangeError(`row ${b} has ${refs.length} references; the model reads at most ${MAX_REFERENCES}`);
    refs.forEach((r, i) => {
      if (r.length === 0 || r.length > maxRef)
        throw new RangeError(
          `reference ${i + 1} has ${r.length} tokens; a reference holds 1 to ${maxRef} (choose fewer bars)`,
        );
    });
  });
}

/** T is the longest prompt (cut to max_text), R the longest row's references laid end to end. */
export function memoryShape(
  prompts: readonly { readonly length: number }[],
  references: readonly (readonly { readonly length: number }[])[] | undefined,
  maxText: number,
): MemoryShape {
  return {
    textLength: Math.min(maxText, Math.max(...prompts.map((p) => p.length))),
    refLength: Math.max(0, ...(references ?? []).map((refs) => refs.reduce((a, r) => a + r.length, 0))),
  };
}

/**
 * `atLeast` pads the batch wider than its own rows need: rows of one reading split across two runtimes then have
 * the memory layout (and, padding being masked, the numbers) they would have had in one batch.
 */
export function memoryInputs(
  prompts: readonly Int32Array[],
  references: readonly RowReferences[] | undefined,
  maxText: number,
  maxRef: number,
  atLeast?: MemoryShape,
): MemoryInputs {
  const B = prompts.length;
  const rows = references ?? prompts.map(() => []);
  if (rows.length !== B) throw new Error(`${B} prompts but references for ${rows.length} rows`);
  checkRowReferences(rows, maxRef);
  const own = memoryShape(prompts, rows, maxText);
  const T = Math.max(own.textLength, Math.min(maxText, atLeast?.textLength ?? 0));
  const R = Math.max(own.refLength, atLeast?.refLength ?? 0);
  const M = T + R;
  const text = new Int32Array(B * T);
  const textValid = new Float32Array(B * T);
  const refs = new Int32Array(B * R);
  const refSlot = new Int32Array(B * R);
  const memoryValid = new Float32Array(B * M);
  prompts.forEach((p, b) => {
    for (let t = 0; t < Math.min(T, p.length); t++) {
      text[b * T + t] = p[t];
      textValid[b * T + t] = 1;
      memoryValid[b * M + t] = 1;
    }
    let at = 0;
    rows[b].forEach((r, i) => {
      refs.set(r, b * R + at);
      refSlot.fill(i + 1, b * R + at, b * R + at + r.length);
      memoryValid.fill(1, b * M + T + at, b * M + T + at + r.length);
      at += r.length;
    });
  });
  return { batch: B, textLength: T, refLength: R, text, textValid, refs, refSlot, memoryValid };
}

/** Music ids of reference token lists; throws a RangeError naming tokens the model does not know. */
export function referenceIds(vocab: Vocab, references: ReferenceTokens): Int32Array[] {
  return references.map((tokens, i) => {
    const unknown = tokens.filter((t) => !vocab.hasMusic(t));
    if (unknown.length)
      throw new RangeError(
        `reference ${i + 1} uses token(s) the model does not know: ${[...new Set(unknown)].join(' ')}`,
      );
    return Int32Array.from(tokens, (t) => vocab.musicId(t));
  });
}

/** Where a row's words and references sit among the M memory columns. */
export function memoryLayout(textLength: number, memoryLength: number, references: ReferenceTokens): MemoryLayout {
  let start = textLength;
  const refs = references.map((tokens) => {
    const r = { start, tokens: [...tokens] };
    start += tokens.length;
    return r;
  });
  if (start > memoryLength) throw new Error(`references need ${start} memory columns; the memory has ${memoryLength}`);
  return { textLength, references: refs, length: memoryLength };
}
