/**
 * Are the notes in the asked key? Read from the notes, not the K: token, so a tune whose header says the
 * asked key but whose melody sits elsewhere does not count.
 *
 * The rule: a tune is in the asked key when at least SCALE_SHARE_MIN of its note duration lies in the asked
 * mode's scale, and either its final note is the tonic or the key finder agrees with the ask. The key finder
 * (Krumhansl-Schmuckler) only knows major and minor, so it agrees when:
 * - major or minor ask: the estimate's tonic is the asked tonic (its mode is not required: the scale share
 *   already tells D major from D minor);
 * - any other mode (dorian, mixolydian, ...): the estimate's tonic is the asked tonic, or the estimate is the
 *   relative major or minor of the asked mode, whose scale is the same (E dorian: D major or B minor).
 */
import type { Key, Mode } from '../../src/music/key';
import { tonicPitchClass } from '../../src/music/key';
import { durationHistogram, finalPitchClass, findKey, scaleShare, type KeyEstimate } from '../../src/music/keyFinding';
import type { NoteSequence } from '../../src/music/noteSequence';

export const SCALE_SHARE_MIN = 0.85;

/** Semitones from the parent major's tonic up to each mode's tonic (E dorian: D + 2). */
const MODE_DEGREE: Record<Mode, number> = { maj: 0, dor: 2, phr: 4, lyd: 5, mix: 7, min: 9, loc: 11 };

export interface NoteKeyVerdict {
  readonly scaleShare: number;
  readonly finalIsTonic: boolean;
  readonly estimate: KeyEstimate | null;
  readonly finderAgrees: boolean;
  readonly inKey: boolean;
}

/** Whether a key estimate agrees with the asked key, by the rule above. */
export function finderAgrees(estimate: KeyEstimate | null, asked: Key): boolean {
  if (!estimate) return false;
  const tonic = tonicPitchClass(asked);
  if (estimate.tonic === tonic) return true;
  if (asked.mode === 'maj' || asked.mode === 'min') return false;
  const parentMajor = (tonic - MODE_DEGREE[asked.mode] + 12) % 12;
  const relative = estimate.mode === 'maj' ? parentMajor : (parentMajor + MODE_DEGREE.min) % 12;
  return estimate.tonic === relative;
}

export function noteKeyVerdict(seq: NoteSequence, asked: Key): NoteKeyVerdict {
  const histogram = durationHistogram(seq);
  const tonic = tonicPitchClass(asked);
  const share = scaleShare(histogram, tonic, asked.mode);
  const finalIsTonic = finalPitchClass(seq) === tonic;
  const estimate = findKey(histogram);
  const agrees = finderAgrees(estimate, asked);
  return {
    scaleShare: share,
    finalIsTonic,
    estimate,
    finderAgrees: agrees,
    inKey: share >= SCALE_SHARE_MIN && (finalIsTonic || agrees),
  };
}
