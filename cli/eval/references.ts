/**
 * Reference conditioning figures. Held-out tunes (valid and test splits) give the references: bars 1-4 of
 * each. A tune written with a reference is compared with the same prompt and seed written without it:
 * - shared-passage share: the share of the written tune's notes inside a melodic passage (5+ notes,
 *   transposition-invariant, src/explain/ngram.ts) that also occurs in the reference's whole tune;
 * - log-likelihood lift of each reference r: log p(tune | prompt, refs) - log p(tune | prompt, refs without r),
 *   read from the tune written with refs (one reference, and two from different tunes);
 * - copy rate under conditioning: tunes written with references that copyScore flags against the catalogue.
 */
import type { CatalogueEntry } from '../../src/catalogue/catalogueEntry';
import { sharedPassages } from '../../src/explain/ngram';
import { cutExcerpt } from '../../src/music/excerpt';
import type { NoteSequence } from '../../src/music/noteSequence';

/** Bars of each reference tune given to the model. */
export const REFERENCE_BARS = { first: 1, last: 4 } as const;

export interface ReferenceCase {
  readonly id: string;
  readonly prompt: string;
  /** Meter, key and bars 1-4 of the reference tune. */
  readonly excerpt: readonly string[];
  /** The whole reference tune, for the shared passages. */
  readonly tune: readonly string[];
  /** A second reference from another tune, for the two-reference lift. */
  readonly otherId: string;
  readonly otherExcerpt: readonly string[];
}

/** "a jig in g major"; tunes without a type word: "a tune in g major in 2/4". */
export function referencePrompt(entry: Pick<CatalogueEntry, 'type' | 'keyWords' | 'meter'>): string {
  return entry.type ? `a ${entry.type} in ${entry.keyWords}` : `a tune in ${entry.keyWords} in ${entry.meter}`;
}

function excerptOf(tokens: readonly string[]): string[] | null {
  try {
    return cutExcerpt(tokens, REFERENCE_BARS.first, REFERENCE_BARS.last);
  } catch (e) {
    if (e instanceof RangeError) return null; // too short, or bars 1-4 too long for a reference
    throw e;
  }
}

/**
 * `count` held-out tunes spread evenly over the valid and test splits (ordered by id), each with its excerpt
 * and the next chosen tune's excerpt as the second reference. Tunes whose bars 1-4 cannot be a reference,
 * or whose tokens the model does not know, are passed over. `offset` (0 to 1) moves every pick that share of the
 * way to the next: 0.5 picks tunes between those of 0, a set apart for choosing settings (cli/referenceWeight.ts).
 */
export function chooseReferenceCases(
  entries: readonly CatalogueEntry[],
  count: number,
  known: (token: string) => boolean = () => true,
  offset = 0,
): ReferenceCase[] {
  const usable = entries
    .filter((e) => e.split !== 'train' && e.tokens.every(known))
    .map((e) => ({ e, excerpt: excerptOf(e.tokens) }))
    .filter((x): x is { e: CatalogueEntry; excerpt: string[] } => x.excerpt !== null)
    .sort((a, b) => (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  const n = Math.min(count, usable.length);
  const chosen = Array.from({ length: n }, (_, i) => usable[Math.floor(((i + offset) * usable.length) / n)]);
  return chosen.map(({ e, excerpt }, i) => {
    const other = chosen[(i + 1) % n];
    return {
      id: e.id,
      prompt: referencePrompt(e),
      excerpt,
      tune: e.tokens,
      otherId: other.e.id,
      otherExcerpt: other.excerpt,
    };
  });
}

/** Share of `written`'s notes inside passages it shares with `reference` (0 for a tune without notes). */
export function sharedPassageShare(written: NoteSequence, reference: NoteSequence): number {
  if (written.notes.length === 0) return 0;
  const covered = new Uint8Array(written.notes.length);
  for (const p of sharedPassages(written, reference)) covered.fill(1, p.query.firstNote, p.query.lastNote + 1);
  return covered.reduce((a, b) => a + b, 0) / written.notes.length;
}

export interface ReferenceOutcome {
  readonly id: string;
  /** Shared-passage share with the reference tune, written with and without the reference. */
  readonly shareWith: number;
  readonly shareWithout: number;
  /** Lift of the single reference, and of each of the two references, in nats. */
  readonly lift: number;
  readonly liftsOfTwo: readonly [number, number];
  /** copyScore flags the tune written with one reference, and the one written with two. */
  readonly copiedWithOne: boolean;
  readonly copiedWithTwo: boolean;
}

export interface ReferenceSummary {
  readonly cases: number;
  /** Share of cases whose tune written with the reference shares more with it than the one without, %. */
  readonly shareAbovePct: number;
  readonly meanShareWith: number;
  readonly meanShareWithout: number;
  /** Share of (tune, reference) lifts above 0: one reference, two references, and all together, %. */
  readonly liftPositiveOnePct: number;
  readonly liftPositiveTwoPct: number;
  readonly liftPositivePct: number;
  readonly meanLift: number;
  /** Share of tunes written with references (one or two) that copyScore flags, %. */
  readonly copyRatePct: number;
}

const pctOf = (xs: readonly boolean[]) =>
  xs.length ? Math.round((1000 * xs.filter(Boolean).length) / xs.length) / 10 : NaN;
const meanOf = (xs: readonly number[], places = 3) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10 ** places) / 10 ** places : NaN;

export function summariseReferences(outcomes: readonly ReferenceOutcome[]): ReferenceSummary {
  const one = outcomes.map((o) => o.lift);
  const two = outcomes.flatMap((o) => o.liftsOfTwo);
  return {
    cases: outcomes.length,
    shareAbovePct: pctOf(outcomes.map((o) => o.shareWith > o.shareWithout)),
    meanShareWith: meanOf(outcomes.map((o) => o.shareWith)),
    meanShareWithout: meanOf(outcomes.map((o) => o.shareWithout)),
    liftPositiveOnePct: pctOf(one.map((x) => x > 0)),
    liftPositiveTwoPct: pctOf(two.map((x) => x > 0)),
    liftPositivePct: pctOf([...one, ...two].map((x) => x > 0)),
    meanLift: meanOf([...one, ...two], 2),
    copyRatePct: pctOf(outcomes.flatMap((o) => [o.copiedWithOne, o.copiedWithTwo])),
  };
}
