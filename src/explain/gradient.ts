/**
 * Gradient influence, TracIn/TRAK style, restricted to the output layer: the gradient of a tune's summed token
 * loss with respect to the decoder's output layer (weight V x D and bias V), sketched to k numbers by a seeded
 * sparse random projection. training/attribution.py computes the same sketch for every catalogue tune; the two
 * agree bit for bit on the projection and to float32 rounding on the values.
 */

/** What fixes a sketch: dimensions, projection seed and nonzeros per feature. Read from neighbours.json. */
export interface SketchSpec {
  /** Sketch length. */
  readonly k: number;
  /** Nonzeros per feature: the projection is `blocks` CountSketches of k / blocks rows each. */
  readonly blocks: number;
  readonly seed: number;
  /** V * (D + 1): the output layer's weight and bias, feature i = v * (D + 1) + d, d = D for the bias. */
  readonly features: number;
}

/** MurmurHash3's 32-bit finaliser. Python's `fmix32` in training/attribution.py is the same function. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_MIX = 0x9e3779b9;

/** Where each feature goes in each block: row index and sign, both (blocks * features) long, block-major. */
export interface SketchPlan {
  readonly spec: SketchSpec;
  readonly rows: Int32Array;
  readonly signs: Int8Array;
}

const plans = new Map<string, SketchPlan>();

/**
 * The sparse Johnson-Lindenstrauss projection of Kane & Nelson (block construction): feature i goes into
 * row b * (k / blocks) + h % (k / blocks) of block b with sign -1 when h's top bit is set, where
 * h = fmix32((b * features + i) ^ fmix32(seed ^ 0x9e3779b9)). Cached per spec (about 0.5 MB for the shipped one).
 */
export function sketchPlan(spec: SketchSpec): SketchPlan {
  const key = `${spec.k}/${spec.blocks}/${spec.seed}/${spec.features}`;
  const cached = plans.get(key);
  if (cached) return cached;
  const { k, blocks, features: n } = spec;
  if (k % blocks !== 0 || blocks * n >= 2 ** 31) throw new Error(`bad sketch spec ${key}`);
  const width = k / blocks;
  const mix = fmix32((spec.seed ^ SEED_MIX) >>> 0);
  const rows = new Int32Array(blocks * n);
  const signs = new Int8Array(blocks * n);
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < n; i++) {
      const h = fmix32(((b * n + i) ^ mix) >>> 0);
      rows[b * n + i] = b * width + (h % width);
      signs[b * n + i] = h >>> 31 ? -1 : 1;
    }
  }
  const plan = { spec, rows, signs };
  plans.set(key, plan);
  return plan;
}

/**
 * d(sum of -log p(target_s))/d(output layer) = sum over positions of (softmax(logits_s) - onehot(target_s)) (x)
 * [hidden_s, 1]: a V x (D + 1) matrix, flat, row v holding the weight row v and then the bias v.
 * `logits[s]` (V) and `hidden[s]` (D) are the outputs at the position that predicts `targets[s]`.
 */
export function outputLayerGradient(
  logits: readonly Float32Array[],
  hidden: readonly Float32Array[],
  targets: Int32Array,
): Float64Array {
  const S = targets.length;
  if (logits.length < S || hidden.length < S) throw new Error(`${S} targets but ${logits.length} positions`);
  const V = logits[0].length;
  const D = hidden[0].length;
  const W = D + 1;
  const grad = new Float64Array(V * W);
  const p = new Float64Array(V);
  for (let s = 0; s < S; s++) {
    const l = logits[s];
    let max = -Infinity;
    for (let v = 0; v < V; v++) max = Math.max(max, l[v]);
    let z = 0;
    for (let v = 0; v < V; v++) z += p[v] = Math.exp(l[v] - max);
    for (let v = 0; v < V; v++) p[v] /= z;
    p[targets[s]] -= 1;
    const h = hidden[s];
    for (let v = 0; v < V; v++) {
      const g = p[v];
      const row = v * W;
      for (let d = 0; d < D; d++) grad[row + d] += g * h[d];
      grad[row + D] += g;
    }
  }
  return grad;
}

/** Projects a flat gradient (spec.features long) to spec.k numbers. */
export function sketchGradient(grad: ArrayLike<number>, plan: SketchPlan): Float32Array {
  const { k, blocks, features: n } = plan.spec;
  if (grad.length !== n) throw new Error(`gradient has ${grad.length} numbers, the sketch expects ${n}`);
  const out = new Float64Array(k);
  for (let b = 0; b < blocks; b++) {
    const base = b * n;
    for (let i = 0; i < n; i++) out[plan.rows[base + i]] += plan.signs[base + i] * grad[i];
  }
  const scale = 1 / Math.sqrt(blocks);
  return Float32Array.from(out, (x) => x * scale);
}

/** The sketch of a teacher-forced reading: outputs at each position and the tokens they predict (then </s>). */
export function gradientSketch(
  reading: { readonly logits: readonly Float32Array[]; readonly hidden: readonly Float32Array[] },
  targets: Int32Array,
  spec: SketchSpec,
): Float32Array {
  const grad = outputLayerGradient(reading.logits, reading.hidden, targets);
  return sketchGradient(grad, sketchPlan(spec));
}
