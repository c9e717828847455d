/**
 * A catalogue tune as `npm run corpus` writes it to public/corpus/catalogue.json, and as the app, the workers
 * and the CLI read it. Its own module, so that nothing outside the pipeline imports the Node pipeline for a type.
 */
import type { TuneFeatures } from '../music/features';

export type Split = 'train' | 'valid' | 'test';

/** Where a tune comes from in its printed collection. */
export interface Credits {
  readonly collection: string;
  readonly book: string | null;
  readonly number: string;
  readonly composer: string | null;
  readonly encoder: string | null;
  readonly sourceFile: string;
}

export interface CatalogueEntry {
  readonly id: string;
  readonly titles: readonly string[];
  readonly abc: string;
  readonly credits: Credits;
  readonly meter: string;
  readonly key: string;
  readonly keyWords: string;
  readonly type: string | null;
  readonly features: TuneFeatures;
  readonly captions: readonly string[];
  readonly split: Split;
  readonly tokens: readonly string[];
}
