import type { NeighbourMeasure } from '../../explain/neighbours';

/** How the panel names each measure; the full measurement label comes from neighbourLabel. */
export const MEASURE_LABELS: Readonly<Record<NeighbourMeasure, string>> = {
  text: 'text embedding (prompt vs captions)',
  music: 'music embedding (hidden states)',
  ngram: 'melodic n-gram overlap',
  gradient: 'gradient influence (estimate)',
};

/** Vector measures need the model's reading of the tune; n-grams need only the notes. */
export const needsModel = (m: NeighbourMeasure): boolean => m !== 'ngram';
