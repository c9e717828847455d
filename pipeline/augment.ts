import { computeFeatures } from '../src/music/features';
import { fifthsOf, type Key } from '../src/music/key';
import { toNoteSequence } from '../src/music/noteSequence';
import { keyWithSignature, transposeTokens } from '../src/music/transpose';
import { mulberry32 } from '../src/runtime/prng';
import { tokensToEvents } from '../src/tokenizer/musicTokens';
import { captionsFor, type CaptionInput } from './captions';

/** Transposed copies of each training tune: the prompt's key words then decide the key, not the corpus's habits. */
export const VARIANTS_PER_TUNE = 3;
const CAPTIONS_PER_VARIANT = 6;
/** Signatures the copies may move to: up to four flats or four sharps, where fiddle and flute tunes live. */
const SIGNATURES = [-4, -3, -2, -1, 0, 1, 2, 3, 4];
/** Notes a copy may reach, in MIDI: G below middle C to the B two octaves and more above it. */
const LOWEST = 55;
const HIGHEST = 95;

export interface TrainingVariant {
  /** Index of the catalogue entry the copy was made from. */
  readonly source: number;
  readonly key: Key;
  readonly tokens: string[];
  readonly captions: string[];
}

/** Copies of one tune in other keys of the same mode, each with captions rewritten for its key and notes. */
export function transposedVariants(
  source: number,
  tokens: readonly string[],
  caption: CaptionInput,
  seed: number,
): TrainingVariant[] {
  const rand = mulberry32(seed);
  const own = fifthsOf(caption.key);
  const targets = SIGNATURES.filter((f) => f !== own)
    .map((f) => ({ f, r: rand() }))
    .sort((a, b) => a.r - b.r)
    .map(({ f }) => keyWithSignature(f, caption.key.mode));
  const out: TrainingVariant[] = [];
  for (const key of targets) {
    if (out.length === VARIANTS_PER_TUNE) break;
    const moved = transposeTokens(tokens, key);
    if (!moved) continue;
    const decoded = tokensToEvents(moved);
    const seq = toNoteSequence(decoded.meter!, key, decoded.events);
    const pitches = seq.notes.map((n) => n.midi);
    if (Math.min(...pitches) < LOWEST || Math.max(...pitches) > HIGHEST) continue;
    const features = computeFeatures(seq);
    const captions = captionsFor({ ...caption, key, features }, seed + out.length + 1, CAPTIONS_PER_VARIANT);
    out.push({ source, key, tokens: moved, captions });
  }
  return out;
}
