import type { Reference } from '../music/excerpt';
import type { GenerationSettings } from '../runtime/decode';
import type { Backend } from '../worker/protocol';

/** A finished (or cancelled) generation, or a tune the user edited. Plain data: stored in IndexedDB as is. */
export interface Tune {
  readonly id: string;
  readonly createdAt: number;
  readonly prompt: string;
  /** The prompt's words as the model read them, and those it did not know. */
  readonly words: readonly string[];
  readonly unknownWords: readonly string[];
  readonly settings: GenerationSettings;
  /** Reference excerpts the model read beside the prompt; absent in tunes kept before references existed. */
  readonly references?: readonly Reference[];
  readonly tokens: readonly string[];
  /** How many of `tokens` were given (continuation) rather than generated. */
  readonly prefixLength: number;
  readonly abc: string;
  readonly stopped: 'end' | 'max-tokens' | 'cancelled';
  readonly modelSha256: string;
  /** The backend that ran the model; unknown for a tune rebuilt from a journal node that did not record it. */
  readonly backend: Backend | 'unknown';
  /** The tune this one continues, if any. */
  readonly parentId: string | null;
  /** 'model' for a generation (continuations included), 'edit' for ABC the user typed and applied. */
  readonly origin: 'model' | 'edit';
  readonly timings: { readonly totalMs: number; readonly tokensPerSecond: number; readonly meanStepMs: number } | null;
}

/** The tune's references as the model reads them: music tokens, none for a tune from before references. */
export const referenceTokensOf = (tune: Pick<Tune, 'references'>): string[][] =>
  (tune.references ?? []).map((r) => [...r.tokens]);

export const newTuneId = (): string =>
  `t-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
