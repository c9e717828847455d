/**
 * Orders positions by score, highest first, ties by position: the ranking every neighbour measure ends with.
 * A sort with a comparator function costs about 200 ms for 100,000 scores in V8; packing each score and its
 * position into one float64 and sorting those natively takes a tenth of that.
 */

/** Positions above this do not fit beside a 32-bit score in a float64's 53 exact bits. */
export const MAX_POSITIONS = 2 ** 21;

const bits = new Uint32Array(1);
const float = new Float32Array(bits.buffer);

/** A uint32 that sorts like the float32 `x` does, descending: higher scores give smaller keys. NaN never gets here. */
function descendingKey(x: number): number {
  float[0] = x === 0 ? 0 : x; // -0 sorts as 0
  const b = bits[0];
  const ascending = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  return 0xffffffff - ascending;
}

/** Sorts keys packed as descendingKey(score) * MAX_POSITIONS + position, natively, and unpacks the positions. */
function sortPacked(keys: Float64Array): Int32Array {
  keys.sort();
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i] % MAX_POSITIONS;
  return out;
}

/**
 * Positions with a score (not NaN) and, when `include` is given, include[i] set, ordered by score, then by
 * `tiebreak` (both descending), then by position.
 */
export function orderByScore(
  scores: Float32Array,
  include: Uint8Array | null = null,
  tiebreak: Float32Array | null = null,
): Int32Array {
  if (scores.length > MAX_POSITIONS) throw new RangeError(`cannot order more than ${MAX_POSITIONS} scores`);
  let n = 0;
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i]) && (!include || include[i])) n++;
  const keys = new Float64Array(n);
  n = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i]) || (include && !include[i])) continue;
    keys[n++] = descendingKey(scores[i]) * MAX_POSITIONS + i;
  }
  const order = sortPacked(keys);
  if (tiebreak) breakTies(order, scores, tiebreak);
  return order;
}

/** Reorders each run of equal scores by the tiebreak (descending), then position; a NaN tiebreak sorts last. */
function breakTies(order: Int32Array, scores: Float32Array, tiebreak: Float32Array): void {
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    if (end - start > 1) {
      const keys = new Float64Array(end - start);
      for (let i = start; i < end; i++) {
        const t = tiebreak[order[i]];
        keys[i - start] = (Number.isNaN(t) ? 0xffffffff : descendingKey(t)) * MAX_POSITIONS + order[i];
      }
      order.set(sortPacked(keys), start);
    }
    start = end;
  }
}
