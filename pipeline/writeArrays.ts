import { MUSIC_SPECIALS, TEXT_SPECIALS, type VocabJson } from '../src/tokenizer/vocab';
import { promptWords } from '../src/tokenizer/textTokens';
import { barPositions } from '../src/tokenizer/barPosition';
import type { CatalogueEntry, Split } from '../src/catalogue/catalogueEntry';
import type { TrainingVariant } from './augment';
import { ALWAYS_KNOWN_WORDS } from './captions';

/** Words seen fewer times than this in captions stay out of the text vocabulary and read as <unk>. */
const MIN_WORD_COUNT = 2;

/**
 * Music tokens come from the catalogue's own tunes only, so a transposed copy can never widen the vocabulary;
 * words come from every caption, plus the musical words that must always be known.
 */
export function buildVocab(entries: readonly CatalogueEntry[], variants: readonly TrainingVariant[] = []): VocabJson {
  const music = new Set<string>();
  const words = new Map<string, number>();
  for (const e of entries) for (const t of e.tokens) music.add(t);
  for (const c of [...entries.flatMap((e) => e.captions), ...variants.flatMap((v) => v.captions)])
    for (const w of promptWords(c)) words.set(w, (words.get(w) ?? 0) + 1);
  for (const w of ALWAYS_KNOWN_WORDS)
    for (const p of promptWords(w)) words.set(p, Math.max(MIN_WORD_COUNT, words.get(p) ?? 0));
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    music: [MUSIC_SPECIALS.pad, MUSIC_SPECIALS.bos, MUSIC_SPECIALS.eos, ...[...music].sort(byName)],
    text: [
      TEXT_SPECIALS.pad,
      TEXT_SPECIALS.none,
      TEXT_SPECIALS.unk,
      ...[...words]
        .filter(([, n]) => n >= MIN_WORD_COUNT)
        .map(([w]) => w)
        .sort(byName),
    ],
  };
}

export interface TrainingArrays {
  /** <s> tokens </s> for each tune, concatenated: the catalogue's tunes first, then the transposed copies. */
  readonly music: Int16Array;
  /** Bar position after each music token (docs/model-contract.md), aligned with `music`. */
  readonly beats: Uint8Array;
  readonly musicOffsets: Int32Array;
  readonly captions: Int16Array;
  readonly captionOffsets: Int32Array;
  readonly captionTune: Int32Array;
  readonly split: Uint8Array;
  /** For each row, the catalogue tune it is (itself) or a copy of: copies of one tune share their references. */
  readonly source: Int32Array;
  /** Copies left out because a token fell outside the music vocabulary. */
  readonly skippedVariants: number;
}

const SPLIT_CODE: Record<Split, number> = { train: 0, valid: 1, test: 2 };
/**
 * The split code of a training tune whose rights terms opt it out of training: it keeps its row (rows
 * 0..tunes-1 stay the catalogue, in order, for the attribution index), but no split the trainer reads names it,
 * and it gets no transposed copies.
 */
export const WITHHELD_CODE = 3;

export function buildArrays(
  entries: readonly CatalogueEntry[],
  vocab: VocabJson,
  variants: readonly TrainingVariant[] = [],
  /** Catalogue indices whose terms opt them out of training. */
  withheld: ReadonlySet<number> = new Set(),
): TrainingArrays {
  const musicIndex = new Map(vocab.music.map((t, i) => [t, i]));
  const textIndex = new Map(vocab.text.map((t, i) => [t, i]));
  const unk = textIndex.get(TEXT_SPECIALS.unk)!;
  const music: number[] = [];
  const beats: number[] = [];
  const musicOffsets = [0];
  const captions: number[] = [];
  const captionOffsets = [0];
  const captionTune: number[] = [];
  const split: number[] = [];
  const source: number[] = [];
  let skippedVariants = 0;
  // Held-out tunes are read for evaluation only, never trained on, so an opt-out changes nothing for them.
  const out = new Set([...withheld].filter((i) => entries[i]?.split === 'train'));
  const rows = [
    ...entries.map((e, i) => ({
      tokens: e.tokens,
      captions: e.captions,
      split: out.has(i) ? WITHHELD_CODE : SPLIT_CODE[e.split],
      source: i,
    })),
    ...variants
      .filter((v) => !out.has(v.source))
      .map((v) => ({ tokens: v.tokens, captions: v.captions, split: SPLIT_CODE.train, source: v.source })),
  ];
  for (const row of rows) {
    if (row.tokens.some((t) => !musicIndex.has(t))) {
      skippedVariants++;
      continue;
    }
    const tune = split.length;
    const all = [MUSIC_SPECIALS.bos, ...row.tokens, MUSIC_SPECIALS.eos];
    music.push(...all.map((t) => musicIndex.get(t)!));
    beats.push(...barPositions(all));
    musicOffsets.push(music.length);
    for (const c of row.captions) {
      captions.push(...promptWords(c).map((w) => textIndex.get(w) ?? unk));
      captionOffsets.push(captions.length);
      captionTune.push(tune);
    }
    split.push(row.split);
    source.push(row.source);
  }
  return {
    music: Int16Array.from(music),
    beats: Uint8Array.from(beats),
    musicOffsets: Int32Array.from(musicOffsets),
    captions: Int16Array.from(captions),
    captionOffsets: Int32Array.from(captionOffsets),
    captionTune: Int32Array.from(captionTune),
    split: Uint8Array.from(split),
    source: Int32Array.from(source),
    skippedVariants,
  };
}
