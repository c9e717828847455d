/** Every interpretation method behind the shared contract, for panels that list methods and their settings. */
import { attentionInterpreter } from './attention';
import { diffractionInterpreter } from './diffraction';
import { neighboursInterpreter } from './neighbours';
import { occlusionInterpreter } from './occlusion';

export const INTERPRETERS = [
  attentionInterpreter,
  occlusionInterpreter,
  diffractionInterpreter,
  neighboursInterpreter,
] as const;
