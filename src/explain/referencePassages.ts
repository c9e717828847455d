/**
 * The second inference-time measure beside ablation: the melodic passages a tune shares with each reference
 * (transposition-invariant n-gram runs, `ngram.ts`), and each reference's share by how many of the tune's notes
 * those passages cover. Pure; the passages are marked in both scores.
 */
import type { NoteSequence } from '../music/noteSequence';
import { DEFAULT_NGRAM, sharedPassages, type SharedPassage } from './ngram';

export const PASSAGE_METHOD = `notes of the tune inside melodic passages of ${DEFAULT_NGRAM + 1}+ notes shared with the reference (up to transposition)`;

export interface ReferencePassages {
  readonly index: number;
  /** Query = the tune, match = the reference excerpt. */
  readonly passages: readonly SharedPassage[];
  /** Share of the tune's notes inside a passage shared with this reference, 0..1. */
  readonly coverage: number;
  /** Coverage over the sum of the references' coverages; 0 when no reference shares a passage. */
  readonly share: number;
}

export function referencePassages(tune: NoteSequence, references: readonly NoteSequence[]): ReferencePassages[] {
  const found = references.map((ref) => {
    const passages = sharedPassages(tune, ref);
    const covered = passages.reduce((a, p) => a + p.query.lastNote - p.query.firstNote + 1, 0);
    return { passages, coverage: tune.notes.length ? covered / tune.notes.length : 0 };
  });
  const total = found.reduce((a, f) => a + f.coverage, 0);
  return found.map((f, index) => ({ index, ...f, share: total > 0 ? f.coverage / total : 0 }));
}

export interface OrderAgreement {
  /** Pairs of items both measures order the same way (a tie in either counts as not agreeing). */
  readonly agreeing: number;
  readonly pairs: number;
}

/** How far two measures over the same items agree on their order: the pairs both put the same way round. */
export function orderAgreement(a: readonly number[], b: readonly number[]): OrderAgreement {
  let agreeing = 0;
  let pairs = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = i + 1; j < a.length; j++) {
      pairs++;
      if (Math.sign(a[i] - a[j]) !== 0 && Math.sign(a[i] - a[j]) === Math.sign(b[i] - b[j])) agreeing++;
    }
  return { agreeing, pairs };
}
