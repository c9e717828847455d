import type { NoteSpan } from '../../explain/ngram';
import { tokensToNoteSequence } from '../../explain/neighboursIndex';
import { tokenBars } from '../../explain/tokenBars';
import { tokensToEvents } from '../../tokenizer/musicTokens';
import { mapTune } from '../tuneMap';

/**
 * Score note ordinals (what abcjs draws: notes and rests, in order) covered by note spans of the tune's
 * NoteSequence. A span ends on a sounding note; notes tied on from it are drawn too, so they are included.
 */
export function spanOrdinals(tokens: readonly string[], spans: readonly NoteSpan[]): number[] {
  if (!spans.length) return [];
  const { events } = tokensToEvents(tokens, false);
  const { notes } = tokensToNoteSequence(tokens);
  const ranges = spans.map((s) => {
    const first = notes[s.firstNote].event;
    // Up to (not including) the next sounding note, notes only: the tied continuations of the last note.
    const stop = notes[s.lastNote + 1]?.event ?? events.length;
    let last = notes[s.lastNote].event;
    while (last + 1 < stop && (events[last + 1].kind === 'note' || events[last + 1].kind === 'bar')) last++;
    return [first, last] as const;
  });
  const out: number[] = [];
  mapTune(tokens).noteEvents.forEach((event, k) => {
    if (ranges.some(([a, b]) => event >= a && event <= b)) out.push(k);
  });
  return out;
}

/** "bar 3" or "bars 2–5" of a span of the tune, numbered as musicians do: an opening pickup is bar 0. */
export function spanBars(tokens: readonly string[], span: Pick<NoteSpan, 'firstBar' | 'lastBar'>): string {
  const first = tokenBars(tokens).firstNumber;
  return span.firstBar === span.lastBar
    ? `bar ${span.firstBar + first}`
    : `bars ${span.firstBar + first}–${span.lastBar + first}`;
}
