import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { toNoteSequence, type NoteSequence } from '../src/music/noteSequence';
import { tokensToEvents } from '../src/tokenizer/musicTokens';

export interface CatalogueFile {
  readonly entries: CatalogueEntry[];
}

export function readCatalogue(path = join(process.cwd(), 'public/corpus/catalogue.json')): CatalogueFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CatalogueFile;
  } catch (e) {
    throw new Error(
      `cannot read the catalogue ${path} (${(e as Error).message.split('\n')[0]}); rebuild it with: npm run corpus`,
    );
  }
}

/** Plays out a token list (lenient), for features, copy detection and audio. */
export function tokensToSequence(tokens: readonly string[]): NoteSequence {
  const { meter, key, events } = tokensToEvents(tokens, false);
  return toNoteSequence(meter ?? { num: 4, den: 4 }, key ?? { tonic: 'C', mode: 'maj' }, events);
}
