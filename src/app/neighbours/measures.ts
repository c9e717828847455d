import type { NeighbourMeasure } from '../../explain/neighbours';

/**
 * Which neighbour measures the browser can run, and why not where it cannot. The vector measures need the
 * query's vectors from the model, and the worker's `read` reply carries log-probabilities and attention only.
 */
export const BROWSER_MEASURES: Readonly<Record<NeighbourMeasure, { label: string; unavailable: string | null }>> = {
  ngram: { label: 'melodic n-gram overlap', unavailable: null },
  text: {
    label: 'text embedding (prompt vs captions)',
    unavailable: "needs the encoder's memory for the prompt, which the model worker does not return yet",
  },
  music: {
    label: 'music embedding (hidden states)',
    unavailable:
      "needs the decoder's hidden states from a teacher-forced reading, which the worker does not return yet",
  },
  gradient: {
    label: 'gradient influence (estimate)',
    unavailable: 'needs hidden states and logits from a teacher-forced reading, which the worker does not return yet',
  },
};
