import { MUSIC_SPECIALS, TEXT_SPECIALS, type VocabJson } from '../src/tokenizer/vocab';
import { promptWords } from '../src/tokenizer/textTokens';
import type { CatalogueEntry, Split } from './buildCorpus';

/** Words seen fewer times than this in captions stay out of the text vocabulary and read as <unk>. */
const MIN_WORD_COUNT = 2;

export function buildVocab(entries: readonly CatalogueEntry[]): VocabJson {
  const music = new Set<string>();
  const words = new Map<string, number>();
  for (const e of entries) {
    for (const t of e.tokens) music.add(t);
    for (const c of e.captions) for (const w of promptWords(c)) words.set(w, (words.get(w) ?? 0) + 1);
  }
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
  /** <s> tokens </s> for each tune, concatenated. */
  readonly music: Int16Array;
  readonly musicOffsets: Int32Array;
  readonly captions: Int16Array;
  readonly captionOffsets: Int32Array;
  readonly captionTune: Int32Array;
  readonly split: Uint8Array;
}

const SPLIT_CODE: Record<Split, number> = { train: 0, valid: 1, test: 2 };

export function buildArrays(entries: readonly CatalogueEntry[], vocab: VocabJson): TrainingArrays {
  const musicIndex = new Map(vocab.music.map((t, i) => [t, i]));
  const textIndex = new Map(vocab.text.map((t, i) => [t, i]));
  const unk = textIndex.get(TEXT_SPECIALS.unk)!;
  const music: number[] = [];
  const musicOffsets = [0];
  const captions: number[] = [];
  const captionOffsets = [0];
  const captionTune: number[] = [];
  entries.forEach((e, tune) => {
    music.push(1, ...e.tokens.map((t) => musicIndex.get(t)!), 2);
    musicOffsets.push(music.length);
    for (const c of e.captions) {
      captions.push(...promptWords(c).map((w) => textIndex.get(w) ?? unk));
      captionOffsets.push(captions.length);
      captionTune.push(tune);
    }
  });
  return {
    music: Int16Array.from(music),
    musicOffsets: Int32Array.from(musicOffsets),
    captions: Int16Array.from(captions),
    captionOffsets: Int32Array.from(captionOffsets),
    captionTune: Int32Array.from(captionTune),
    split: Uint8Array.from(entries, (e) => SPLIT_CODE[e.split]),
  };
}
