import type { Key } from '../music/key';
import type { Meter } from '../music/meter';
import { toNoteSequence, type NoteSequence } from '../music/noteSequence';
import { tokensToEvents } from '../tokenizer/musicTokens';

// The same defaults tokensToAbc uses for a tune whose header tokens are missing.
const DEFAULT_METER: Meter = { num: 4, den: 4 };
const DEFAULT_KEY: Key = { tonic: 'C', mode: 'maj' };

/** The notes of a token list, as the player and the exports read them. */
export function tuneSequence(tokens: readonly string[]): NoteSequence {
  const { meter, key, events } = tokensToEvents(tokens, false);
  return toNoteSequence(meter ?? DEFAULT_METER, key ?? DEFAULT_KEY, events);
}
