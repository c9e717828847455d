/**
 * Colouring the map's dots by a catalogue field: the commonest values get a colour each from one categorical
 * scheme, rare values share an "other" colour and a missing value its own grey, so the legend stays short.
 */
import { schemeTableau10 } from 'd3';
import type { CatalogueEntry } from '../catalogue/catalogueData';

export type ColourBy = 'type' | 'collection' | 'key';

export const COLOUR_FIELDS: Readonly<
  Record<ColourBy, { label: string; missing: string; value: (e: CatalogueEntry) => string | null }>
> = {
  type: { label: 'Tune type', missing: 'no type given', value: (e) => e.type },
  collection: { label: 'Collection', missing: 'no collection', value: (e) => e.credits.collection || null },
  key: { label: 'Key', missing: 'no key', value: (e) => e.key || null },
};

/** The scheme's last colour is a grey; it is kept for "other". */
const NAMED = schemeTableau10.slice(0, 9);
export const OTHER_COLOUR = '#7f7f7f';
export const MISSING_COLOUR = '#d0d0d0';

export interface ColourGroup {
  readonly label: string;
  readonly count: number;
  readonly colour: string;
}

export interface ColourGroups {
  /** Legend order: named values by count (largest first), then "other", then the missing value. */
  readonly groups: readonly ColourGroup[];
  /** Index into `groups` for every entry. */
  readonly groupOf: Uint8Array;
  /** Entry indices in drawing order: larger groups first, so small ones are not buried under them. */
  readonly drawOrder: Uint32Array;
}

export interface GroupOptions {
  /** Most values with a colour of their own. */
  readonly maxNamed?: number;
  /** A value needs at least this share of the entries for its own colour. */
  readonly minShare?: number;
  readonly missingLabel?: string;
}

export function colourGroups(values: readonly (string | null)[], options: GroupOptions = {}): ColourGroups {
  const { maxNamed = NAMED.length, minShare = 0.01, missingLabel = 'missing' } = options;
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Count, then name, so ties never depend on catalogue order.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const minCount = Math.max(1, Math.ceil(minShare * values.length));
  const named = ranked.filter(([, n]) => n >= minCount).slice(0, Math.min(maxNamed, NAMED.length));
  const slot = new Map(named.map(([v], i) => [v, i]));
  const otherCount = values.filter((v) => v !== null && !slot.has(v)).length;
  const missingCount = values.filter((v) => v === null).length;
  const groups: ColourGroup[] = named.map(([label, count], i) => ({ label, count, colour: NAMED[i] }));
  const other = otherCount ? groups.push({ label: 'other', count: otherCount, colour: OTHER_COLOUR }) - 1 : -1;
  const missing = missingCount
    ? groups.push({ label: missingLabel, count: missingCount, colour: MISSING_COLOUR }) - 1
    : -1;
  const groupOf = Uint8Array.from(values, (v) => (v === null ? missing : (slot.get(v) ?? other)));
  const rank = groups.map((_, g) => g).sort((a, b) => groups[b].count - groups[a].count || a - b);
  const position = new Map(rank.map((g, i) => [g, i]));
  const drawOrder = Uint32Array.from(values.keys()).sort(
    (a, b) => position.get(groupOf[a])! - position.get(groupOf[b])! || a - b,
  );
  return { groups, groupOf, drawOrder };
}

export function colourEntries(entries: readonly CatalogueEntry[], by: ColourBy): ColourGroups {
  const field = COLOUR_FIELDS[by];
  return colourGroups(entries.map(field.value), { missingLabel: field.missing });
}
