/** Rank agreement between two scorings of the same items: Spearman's rho and Kendall's tau-b. */
import { pearson } from '../stats/pearson';

/** Ranks from 1 (smallest value) up; tied values share the mean of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

function checkPair(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`rank agreement needs equal lengths; got ${a.length} and ${b.length}`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i]))
      throw new Error(`rank agreement needs finite values (item ${i})`);
  }
}

/**
 * Spearman's rho: the Pearson correlation of the average ranks (the tie-corrected form). Null when it is
 * undefined: fewer than two items, or one side gives every item the same value.
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  checkPair(a, b);
  return a.length < 2 ? null : pearson(averageRanks(a), averageRanks(b));
}

/** Kendall's tau-b (ties in either side corrected). Null when undefined, as for `spearman`. O(n^2): fine for prompts. */
export function kendallTauB(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  checkPair(a, b);
  let concordant = 0;
  let discordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const s = Math.sign(a[i] - a[j]) * Math.sign(b[i] - b[j]);
      if (s > 0) concordant++;
      else if (s < 0) discordant++;
      if (a[i] === a[j]) tiedA++;
      if (b[i] === b[j]) tiedB++;
    }
  }
  const pairs = (a.length * (a.length - 1)) / 2;
  const denom = Math.sqrt((pairs - tiedA) * (pairs - tiedB));
  return denom > 0 ? (concordant - discordant) / denom : null;
}

/** Why `spearman` gives null for these values, or null when it does not. */
export function undefinedReason(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  names: readonly [string, string] = ['first', 'second'],
): string | null {
  if (a.length < 2) return a.length === 0 ? 'no items to rank' : 'one item: a ranking needs at least two';
  const flat = (v: ArrayLike<number>) => Array.prototype.every.call(v, (x: number) => x === v[0]);
  if (flat(a)) return `${names[0]} gives every item the same value`;
  if (flat(b)) return `${names[1]} gives every item the same value`;
  return null;
}
