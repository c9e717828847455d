/** Money as whole cents, so statements and ledger totals add up exactly. */

export const toCents = (amount: number): number => Math.round(amount * 100);

export const formatCents = (cents: number, currency: string): string => `${(cents / 100).toFixed(2)} ${currency}`;

/**
 * Splits `total` cents in proportion to `weights` (negative weights count as 0) so that the parts sum to
 * `total` exactly: each part is floored, and the cents left over go to the largest remainders (ties to the
 * earlier weight). With no positive weight, every part is 0.
 */
export function splitCents(total: number, weights: readonly number[]): number[] {
  const w = weights.map((x) => Math.max(0, x));
  const sum = w.reduce((a, x) => a + x, 0);
  if (sum <= 0 || total <= 0) return w.map(() => 0);
  const exact = w.map((x) => (total * x) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, x) => a + x, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (w[i] > 0) {
      parts[i]++;
      left--;
    }
  }
  return parts;
}
