import type { Header } from '../src/music/abcParse';
import type { Credits } from '../src/catalogue/catalogueEntry';

/** Where a tune comes from. Shown with the tune everywhere and carried into exports. */
export interface CollectionInfo {
  readonly folder: string;
  readonly name: string;
  readonly printed: string;
  /** Words the captions use for this collection. */
  readonly words: string;
  readonly region: string | null;
}

export const COLLECTIONS: readonly CollectionInfo[] = [
  {
    folder: 'airdsAirs',
    name: "Aird's Selection of Scotch, English, Irish and Foreign Airs",
    printed: '1778-1803',
    words: "aird's airs",
    region: null,
  },
  {
    folder: 'oneills1850',
    name: "O'Neill's Music of Ireland (the 1850)",
    printed: '1903',
    words: "o'neill's",
    region: 'irish',
  },
  { folder: 'ryansMammoth', name: "Ryan's Mammoth Collection", printed: '1883', words: "ryan's mammoth", region: null },
  {
    folder: 'miscFolk',
    name: 'Fife tunes and Northumbrian Minstrelsy',
    printed: '18th-19th c.',
    words: 'folk',
    region: null,
  },
];

const clean = (s: string | undefined): string | null => {
  const t = s
    ?.replace(/^"|"$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,*]+$/, '')
    .trim();
  return t ? t : null;
};

export function creditsOf(collection: CollectionInfo, file: string, header: Header): Credits {
  return {
    collection: collection.name,
    book: clean(header.B?.[0]) ?? clean(header.S?.[0]),
    number: clean(header.X?.[0]) ?? '?',
    composer: clean(header.C?.join('; ')),
    encoder: clean(header.Z?.filter((z) => z.trim()).join('; ')),
    sourceFile: `${collection.folder}/${file}`,
  };
}
