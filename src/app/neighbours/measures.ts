import { neighboursInterpreter, type NeighbourMeasure } from '../../explain/neighbours';

/** How the panel names each measure: the labels the interpreter declares for its measure setting. */
export const MEASURE_LABELS = Object.fromEntries(
  neighboursInterpreter.settingsSpec({ layers: 0, heads: 0 }).measure.choices.map((c) => [c.value, c.label]),
) as Readonly<Record<NeighbourMeasure, string>>;

/** Vector measures need the model's reading of the tune; n-grams need only the notes. */
export const needsModel = (m: NeighbourMeasure): boolean => m !== 'ngram';
