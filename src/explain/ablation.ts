/**
 * Reference ablation: how much each reference excerpt accounts for a fixed tune, measured directly. The tune is
 * read with all its references and again with each one removed; the drop in total log-likelihood is that
 * reference's contribution, and its share is that drop over the sum of the positive drops. Pure over readings;
 * `ablationReadings.ts` produces them.
 */
import type { LogProbReading } from './occlusion';

export const ABLATION_METHOD =
  'teacher-forced log-likelihood drop when one reference is removed (all others kept), in nats';

export interface ReferenceAblation {
  readonly index: number;
  /** Total log-likelihood with every reference minus without this one (nats): > 0 means the tune leaned on it. */
  readonly drop: number;
  /** Drop over the sum of the positive drops; 0 for a drop at or below 0. Shares sum to 1 unless all are 0. */
  readonly share: number;
}

export interface AblationResult {
  readonly method: string;
  /** Total log-likelihood of the tune with all references. */
  readonly withAll: number;
  /** Total log-likelihood with none of them (the prompt alone), when that reading was made. */
  readonly withNone: number | null;
  readonly references: readonly ReferenceAblation[];
  /** Why the shares are all 0, or null when they are not. */
  readonly note: string | null;
}

/**
 * Shares from a reading with all references (`base`), one without each reference (`without`, in reference
 * order) and optionally one with none.
 */
export function ablationShares(
  base: LogProbReading,
  without: readonly LogProbReading[],
  none: LogProbReading | null = null,
): AblationResult {
  const drops = without.map((w) => base.total - w.total);
  const positive = drops.reduce((a, d) => a + Math.max(0, d), 0);
  const references = drops.map((drop, index) => ({
    index,
    drop,
    share: positive > 0 ? Math.max(0, drop) / positive : 0,
  }));
  const note =
    without.length === 0
      ? 'no references: nothing to attribute'
      : positive > 0
        ? null
        : 'removing any one reference does not make the tune less likely, so no reference gets a share';
  return { method: ABLATION_METHOD, withAll: base.total, withNone: none?.total ?? null, references, note };
}

/**
 * The reference sets to read, in order: all references, then all but each one, then none. Row i + 1 leaves out
 * reference i. With no references there is one row.
 */
export function ablationRows<T>(references: readonly T[]): T[][] {
  if (references.length === 0) return [[]];
  return [[...references], ...references.map((_, i) => references.filter((__, j) => j !== i)), []];
}
