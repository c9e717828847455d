/**
 * Embeddings read off the model for the "nearest training examples" measures. Both are plain means, the
 * same arithmetic as training/attribution.py uses for the catalogue.
 */

/** Mean of `count` rows of `dim` numbers laid out flat (row-major): (count * dim) -> (dim). */
export function meanRows(rows: Float32Array, count: number, dim: number): Float32Array {
  if (count <= 0) throw new Error('mean of no rows');
  if (rows.length < count * dim) throw new Error(`expected at least ${count * dim} numbers, got ${rows.length}`);
  const sum = new Float64Array(dim);
  for (let r = 0; r < count; r++) for (let j = 0; j < dim; j++) sum[j] += rows[r * dim + j];
  return Float32Array.from(sum, (s) => s / count);
}

/**
 * Text embedding of a prompt: the encoder memory (T, D) for one prompt, averaged over its first `words`
 * positions (the rest is padding). An empty prompt has one position, the <none> word.
 */
export function textEmbedding(memory: Float32Array, words: number, dim: number): Float32Array {
  return meanRows(memory, words, dim);
}

/**
 * Music embedding of a tune: the decoder's last hidden state (after its final layer norm) averaged over every
 * position of a teacher-forced reading, </s> included. The catalogue reads each tune under the empty prompt,
 * so the query should too.
 */
export function musicEmbedding(hidden: readonly Float32Array[]): Float32Array {
  if (!hidden.length) throw new Error('music embedding of an empty reading');
  const dim = hidden[0].length;
  const sum = new Float64Array(dim);
  for (const h of hidden) for (let j = 0; j < dim; j++) sum[j] += h[j];
  return Float32Array.from(sum, (s) => s / hidden.length);
}
