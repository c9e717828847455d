import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { makeReference, type Reference } from '../src/music/excerpt';
import { abcToTokens } from '../src/tokenizer/musicTokens';

/** Bars 1-2 of a training tune from the shipped catalogue (it may be rebuilt), and three bars of our own ABC. */
export function sampleReferences(): [Reference, Reference] {
  const { entries } = JSON.parse(readFileSync(join(process.cwd(), 'public/corpus/catalogue.json'), 'utf8')) as {
    entries: CatalogueEntry[];
  };
  const entry = entries.find((e) => e.split === 'train' && e.tokens.filter((t) => t === '|').length >= 4);
  if (!entry) throw new Error('no training tune of four bars in the catalogue');
  const source = { kind: 'catalogue' as const, id: entry.id, title: entry.titles[0] };
  const own = abcToTokens('X:1\nM:6/8\nL:1/8\nK:D\nA|dfa afd|gfe fed|\n');
  return [
    makeReference(source, entry.tokens, { first: 1, last: 2 }),
    makeReference({ kind: 'abc', id: 'own.abc', title: 'Own tune' }, own, null),
  ];
}
