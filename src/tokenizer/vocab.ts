import { promptWords, MAX_PROMPT_WORDS } from './textTokens';

/** Token ids for the music decoder and the text encoder, as written by the corpus pipeline. */
export interface VocabJson {
  readonly music: readonly string[];
  readonly text: readonly string[];
}

export const MUSIC_SPECIALS = { pad: '<pad>', bos: '<s>', eos: '</s>' } as const;
export const TEXT_SPECIALS = { pad: '<pad>', none: '<none>', unk: '<unk>' } as const;

export interface EncodedPrompt {
  /** Words as the user wrote them, after normalisation and truncation; one attention column each. */
  readonly words: string[];
  readonly ids: Int32Array;
  readonly unknownWords: string[];
  /** Number of words cut off past MAX_PROMPT_WORDS. */
  readonly truncated: number;
  /** True when the prompt had no words: generation is unconditional. */
  readonly empty: boolean;
}

export class Vocab {
  private readonly musicIndex: Map<string, number>;
  private readonly textIndex: Map<string, number>;

  constructor(readonly json: VocabJson) {
    this.musicIndex = new Map(json.music.map((t, i) => [t, i]));
    this.textIndex = new Map(json.text.map((t, i) => [t, i]));
  }

  get musicSize(): number {
    return this.json.music.length;
  }
  get textSize(): number {
    return this.json.text.length;
  }

  musicId(token: string): number {
    const id = this.musicIndex.get(token);
    if (id === undefined) throw new Error(`token "${token}" is not in the music vocabulary`);
    return id;
  }
  hasMusic(token: string): boolean {
    return this.musicIndex.has(token);
  }
  musicToken(id: number): string {
    return this.json.music[id];
  }

  textId(word: string): number {
    return this.textIndex.get(this.vocabularyForm(word) ?? TEXT_SPECIALS.unk)!;
  }
  knowsWord(word: string): boolean {
    return this.vocabularyForm(word) !== null;
  }

  /**
   * The vocabulary word a prompt word is read as: itself, or for a plural the vocabulary lacks ("jigs",
   * "waltzes") its singular. Captions never use plurals, but people write "a set of reels".
   */
  vocabularyForm(word: string): string | null {
    if (word.startsWith('<')) return null;
    if (this.textIndex.has(word)) return word;
    if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return null;
    for (const singular of [word.slice(0, -1), word.endsWith('es') ? word.slice(0, -2) : null])
      if (singular && this.textIndex.has(singular)) return singular;
    return null;
  }

  /** Encodes a prompt. An empty prompt becomes the single <none> token the model was trained with. */
  encodePrompt(text: string): EncodedPrompt {
    const all = promptWords(text);
    const words = all.slice(0, MAX_PROMPT_WORDS);
    const unknownWords = [...new Set(words.filter((w) => !this.knowsWord(w)))];
    const ids = words.length
      ? Int32Array.from(words, (w) => this.textId(w))
      : Int32Array.of(this.textIndex.get(TEXT_SPECIALS.none)!);
    return { words, ids, unknownWords, truncated: all.length - words.length, empty: words.length === 0 };
  }

  /** The prompt the model sees for the unconditional half of classifier-free guidance. */
  nullPrompt(): Int32Array {
    return Int32Array.of(this.textIndex.get(TEXT_SPECIALS.none)!);
  }
}
