/**
 * What one tune written for a held-out prompt scores, and the shares over many tunes. A figure the prompt did
 * not ask for (no key, no type word) is null for that tune and left out of the share.
 */
import { copyScore, type CopyIndex } from '../../src/explain/copyDetect';
import { abcjsWarnings } from '../../src/music/abcjsCheck';
import { badMeasures } from '../../src/music/bars';
import { keyFromToken, tonicPitchClass } from '../../src/music/key';
import { tokensToAbc, tokensToEvents } from '../../src/tokenizer/musicTokens';
import { tokensToSequence } from '../catalogue';
import { noteKeyVerdict, SCALE_SHARE_MIN, type NoteKeyVerdict } from './noteKey';
import type { Ask } from './prompts';
import { meterFitsType, SESSION_METERS } from '../../src/music/tuneTypes';

export interface TuneOutcome {
  readonly valid: boolean;
  readonly barsOk: boolean;
  readonly meterOk: boolean | null;
  /** meterOk for prompts that state the meter (numbers or words), not only imply it by a type word. */
  readonly statedMeterOk: boolean | null;
  readonly tonicOk: boolean | null;
  readonly modeOk: boolean | null;
  readonly typeMeterOk: boolean | null;
  /** typeMeterOk with reels and hornpipes held to today's session meters (no 2/4). */
  readonly typeMeterSessionOk: boolean | null;
  /** The notes against the asked key; null when the prompt names no key. */
  readonly noteKey: NoteKeyVerdict | null;
  readonly copied: boolean;
  readonly tokens: number;
}

function strictEvents(tokens: readonly string[]) {
  try {
    return tokensToEvents(tokens, true);
  } catch {
    return null;
  }
}

export function measureTune(tokens: readonly string[], ask: Ask, copyIndex: CopyIndex): TuneOutcome {
  const strict = strictEvents(tokens);
  const meter = tokens[0]?.startsWith('M:') ? tokens[0].slice(2) : null;
  const key = keyFromToken(tokens[1] ?? '');
  const asked = ask.tonic && ask.mode ? { tonic: ask.tonic, mode: ask.mode } : null;
  const seq = tokensToSequence(tokens);
  const meterOk = ask.meters ? meter !== null && ask.meters.includes(meter) : null;
  return {
    valid:
      strict !== null &&
      strict.meter !== null &&
      strict.key !== null &&
      abcjsWarnings(tokensToAbc(tokens)).length === 0,
    barsOk: strict !== null && strict.meter !== null && badMeasures(strict.meter, strict.events).length === 0,
    meterOk,
    statedMeterOk: ask.meterFrom === 'stated' ? meterOk : null,
    tonicOk: asked ? key !== null && tonicPitchClass(key) === tonicPitchClass(asked) : null,
    modeOk: asked ? key?.mode === asked.mode : null,
    typeMeterOk: ask.type ? meterFitsType(ask.type, meter) : null,
    typeMeterSessionOk: ask.type ? meterFitsType(ask.type, meter, SESSION_METERS) : null,
    noteKey: asked ? noteKeyVerdict(seq, asked) : null,
    copied: copyScore(seq, copyIndex).flagged,
    tokens: tokens.length,
  };
}

/** Percentage (one decimal) of the non-null values that are true; NaN when none apply. */
export function pct(values: readonly (boolean | null | undefined)[]): number {
  const xs = values.filter((v): v is boolean => v !== null && v !== undefined);
  return xs.length ? Math.round((1000 * xs.filter(Boolean).length) / xs.length) / 10 : NaN;
}

export interface HeldOutFigures {
  readonly generations: number;
  readonly validityPct: number;
  readonly barLengthsPct: number;
  readonly meterPct: number;
  readonly statedMeterPct: number;
  readonly tonicPct: number;
  readonly modePct: number;
  readonly keyAndModePct: number;
  readonly typeMeterPct: number;
  readonly typeMeterSessionPct: number;
  readonly notesInKeyPct: number;
  /** The parts of notesInKeyPct. */
  readonly scaleShareMean: number;
  readonly scaleShareOkPct: number;
  readonly finalIsTonicPct: number;
  readonly finderAgreesPct: number;
  readonly copyRatePct: number;
  readonly meanTokens: number;
}

export function heldOutFigures(xs: readonly TuneOutcome[]): HeldOutFigures {
  const keyed = xs.filter((x) => x.noteKey !== null).map((x) => x.noteKey!);
  const shares = keyed.map((k) => k.scaleShare);
  return {
    generations: xs.length,
    validityPct: pct(xs.map((x) => x.valid)),
    barLengthsPct: pct(xs.map((x) => x.barsOk)),
    meterPct: pct(xs.map((x) => x.meterOk)),
    statedMeterPct: pct(xs.map((x) => x.statedMeterOk)),
    tonicPct: pct(xs.map((x) => x.tonicOk)),
    modePct: pct(xs.map((x) => x.modeOk)),
    keyAndModePct: pct(xs.map((x) => (x.tonicOk === null ? null : x.tonicOk && x.modeOk === true))),
    typeMeterPct: pct(xs.map((x) => x.typeMeterOk)),
    typeMeterSessionPct: pct(xs.map((x) => x.typeMeterSessionOk)),
    notesInKeyPct: pct(keyed.map((k) => k.inKey)),
    scaleShareMean: shares.length ? Math.round((1000 * shares.reduce((a, b) => a + b, 0)) / shares.length) / 1000 : NaN,
    scaleShareOkPct: pct(keyed.map((k) => k.scaleShare >= SCALE_SHARE_MIN)),
    finalIsTonicPct: pct(keyed.map((k) => k.finalIsTonic)),
    finderAgreesPct: pct(keyed.map((k) => k.finderAgrees)),
    copyRatePct: pct(xs.map((x) => x.copied)),
    meanTokens: xs.length ? Math.round(xs.reduce((a, x) => a + x.tokens, 0) / xs.length) : NaN,
  };
}

export interface UnknownWords {
  /** Share of the prompts' words (every occurrence) that the model's vocabulary lacks, %. */
  readonly pct: number;
  /** Each unknown word with the number of prompts that use it, most used first. */
  readonly words: readonly { readonly word: string; readonly prompts: number }[];
}

export function unknownWords(
  texts: readonly string[],
  vocab: { encodePrompt(text: string): { words: string[] }; knowsWord(word: string): boolean },
): UnknownWords {
  let all = 0;
  let unknown = 0;
  const byWord = new Map<string, number>();
  for (const text of texts) {
    const words = vocab.encodePrompt(text).words;
    all += words.length;
    const missing = words.filter((w) => !vocab.knowsWord(w));
    unknown += missing.length;
    for (const w of new Set(missing)) byWord.set(w, (byWord.get(w) ?? 0) + 1);
  }
  return {
    pct: all ? Math.round((1000 * unknown) / all) / 10 : NaN,
    words: [...byWord]
      .map(([word, prompts]) => ({ word, prompts }))
      .sort((a, b) => b.prompts - a.prompts || (a.word < b.word ? -1 : 1)),
  };
}
