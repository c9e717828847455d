/** Searching the catalogue: pure functions over its entries, tested beside. */
import type { CatalogueEntry } from '../../catalogue/catalogueEntry';

export interface CatalogueFilter {
  /** Words that must all appear in one of the tune's titles (case-insensitive). */
  readonly text: string;
  /** Exact values; '' for any. */
  readonly type: string;
  readonly key: string;
  readonly meter: string;
  readonly collection: string;
}

export const EMPTY_FILTER: CatalogueFilter = { text: '', type: '', key: '', meter: '', collection: '' };

type Searchable = Pick<CatalogueEntry, 'titles' | 'type' | 'key' | 'meter'> & {
  readonly credits: Pick<CatalogueEntry['credits'], 'collection'>;
};

/** Positions of the entries that pass the filter, in catalogue order. */
export function filterCatalogue(entries: readonly Searchable[], f: CatalogueFilter): number[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  entries.forEach((e, i) => {
    if (f.type && (e.type ?? '') !== f.type) return;
    if (f.key && e.key !== f.key) return;
    if (f.meter && e.meter !== f.meter) return;
    if (f.collection && e.credits.collection !== f.collection) return;
    if (words.length) {
      const titles = e.titles.map((t) => t.toLowerCase());
      if (!titles.some((t) => words.every((w) => t.includes(w)))) return;
    }
    out.push(i);
  });
  return out;
}

export interface FilterOptions {
  readonly type: readonly string[];
  readonly key: readonly string[];
  readonly meter: readonly string[];
  readonly collection: readonly string[];
}

/** The distinct values each select offers, sorted. */
export function filterOptions(entries: readonly Searchable[]): FilterOptions {
  const sorted = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
  return {
    type: sorted(entries.map((e) => e.type)),
    key: sorted(entries.map((e) => e.key)),
    meter: sorted(entries.map((e) => e.meter)),
    collection: sorted(entries.map((e) => e.credits.collection)),
  };
}
