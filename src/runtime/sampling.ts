/** Sampling settings shared by the CLI, the worker and the evaluation. */
export interface SamplingOptions {
  /** 0 means greedy. */
  readonly temperature: number;
  /** 0 means no top-k cut. */
  readonly topK: number;
  /** 1 means no nucleus cut. */
  readonly topP: number;
}

/**
 * Picks a token id from logits. Tokens with allowed[i] === 0 are never picked. `uniform` is one draw in
 * [0, 1) from the seeded PRNG, so the choice is a pure function of its inputs.
 */
export function sampleToken(
  logits: ArrayLike<number>,
  allowed: Uint8Array | null,
  opts: SamplingOptions,
  uniform: number,
): number {
  const ids: number[] = [];
  for (let i = 0; i < logits.length; i++) if (!allowed || allowed[i]) ids.push(i);
  if (ids.length === 0) throw new Error('no token is allowed at this step');
  // Sort by logit, ties by id, so the order never depends on engine sort stability.
  ids.sort((a, b) => logits[b] - logits[a] || a - b);
  if (opts.temperature <= 0) return ids[0];
  const kept = opts.topK > 0 ? ids.slice(0, opts.topK) : ids;
  const top = logits[kept[0]];
  const weights = kept.map((i) => Math.exp((logits[i] - top) / opts.temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let cut = kept.length;
  if (opts.topP < 1) {
    let mass = 0;
    for (let j = 0; j < kept.length; j++) {
      mass += weights[j] / total;
      if (mass >= opts.topP) {
        cut = j + 1;
        break;
      }
    }
  }
  const nucleus = weights.slice(0, cut).reduce((a, b) => a + b, 0);
  let r = uniform * nucleus;
  for (let j = 0; j < cut; j++) {
    r -= weights[j];
    if (r < 0) return kept[j];
  }
  return kept[cut - 1];
}

/** Classifier-free guidance: uncond + scale * (cond - uncond), written into a new array. */
export function guide(cond: Float32Array, uncond: Float32Array, scale: number): Float64Array {
  const out = new Float64Array(cond.length);
  for (let i = 0; i < cond.length; i++) out[i] = uncond[i] + scale * (cond[i] - uncond[i]);
  return out;
}

/** The reference weight's step: logits + (weight - 1) * (withRefs - withoutRefs), the references' difference scaled. */
export function pullTowards(
  logits: Float32Array | Float64Array,
  withRefs: Float32Array,
  withoutRefs: Float32Array,
  weight: number,
): Float64Array {
  const out = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = logits[i] + (weight - 1) * (withRefs[i] - withoutRefs[i]);
  return out;
}

/** log-softmax in float64. */
export function logSoftmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  const lse = max + Math.log(sum);
  return Float64Array.from({ length: logits.length }, (_, i) => logits[i] - lse);
}

/**
 * logSoftmax(logits[offset .. offset + size])[target] without copying the row out or computing the others:
 * the same sums in the same order, so the same number.
 */
export function logProbAt(logits: ArrayLike<number>, offset: number, size: number, target: number): number {
  let max = -Infinity;
  for (let i = offset; i < offset + size; i++) max = Math.max(max, logits[i]);
  let sum = 0;
  for (let i = offset; i < offset + size; i++) sum += Math.exp(logits[i] - max);
  return logits[offset + target] - (max + Math.log(sum));
}
