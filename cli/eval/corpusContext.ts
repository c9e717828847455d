/**
 * The corpus beside the held-out figures, so a miss can be read against what the model learnt from: how many
 * catalogue tunes each asked type has and in which meters, and how often the corpus's own held-out tunes pass
 * the notes-in-key test against the key their header states.
 */
import { keyFromToken } from '../../src/music/key';
import type { NoteSequence } from '../../src/music/noteSequence';
import { pct, type TuneOutcome } from './measures';
import { noteKeyVerdict } from './noteKey';
import type { Ask } from './prompts';

/** What the context needs of a catalogue entry. */
export interface CorpusTune {
  readonly type: string | null;
  readonly meter: string;
  readonly split: string;
  readonly tokens: readonly string[];
}

export interface TypeRow {
  readonly type: string;
  readonly prompts: number;
  readonly tunes: number;
  /** Share of the tunes written for the type's prompts whose meter fits the type (TYPE_METERS). */
  readonly fitsPct: number;
  readonly corpusTunes: number;
  /** The corpus's meters for the type, commonest first: "2/2 407, 2/4 207". */
  readonly corpusMeters: string;
}

/** One row per type word in the prompts, in order of first appearance. */
export function typeRows(asks: readonly Ask[], outcomes: readonly TuneOutcome[][], corpus: readonly CorpusTune[]) {
  const rows = new Map<string, { prompts: number; outcomes: TuneOutcome[] }>();
  asks.forEach((ask, i) => {
    if (!ask.type) return;
    const row = rows.get(ask.type) ?? { prompts: 0, outcomes: [] };
    row.prompts += 1;
    row.outcomes.push(...outcomes[i]);
    rows.set(ask.type, row);
  });
  return [...rows].map(([type, row]): TypeRow => {
    const meters = new Map<string, number>();
    for (const t of corpus) if (t.type === type) meters.set(t.meter, (meters.get(t.meter) ?? 0) + 1);
    const sorted = [...meters].sort((a, b) => b[1] - a[1]);
    return {
      type,
      prompts: row.prompts,
      tunes: row.outcomes.length,
      fitsPct: pct(row.outcomes.map((o) => o.typeMeterOk)),
      corpusTunes: sorted.reduce((a, [, n]) => a + n, 0),
      corpusMeters: sorted.map(([m, n]) => `${m} ${n}`).join(', '),
    };
  });
}

/** The notes-in-key test on the corpus's valid and test tunes, each against its own header key. */
export function corpusNotesInKey(
  corpus: readonly CorpusTune[],
  toSequence: (tokens: readonly string[]) => NoteSequence,
): { readonly tunes: number; readonly inKeyPct: number } {
  const verdicts = corpus
    .filter((t) => t.split !== 'train')
    .flatMap((t) => {
      const key = keyFromToken(t.tokens[1] ?? '');
      return key ? [noteKeyVerdict(toSequence(t.tokens), key).inKey] : [];
    });
  return { tunes: verdicts.length, inKeyPct: pct(verdicts) };
}
