/**
 * Where two neighbour lists (two measures, or one measure under two settings) agree and disagree: the share of
 * their top k they have in common, and how far each listed tune moves from one ranking to the other.
 */
import type { NeighbourList, NeighbourMeasure } from './neighbours';
import { spearman } from './rankAgreement';

export interface RankChange {
  readonly id: string;
  readonly title: string;
  /** Catalogue position. */
  readonly index: number;
  /** 1-based rank under each list's measure over all its candidates; 0 where the tune was not a candidate. */
  readonly rankA: number;
  readonly rankB: number;
  /** rankB - rankA (positive: B puts it further down); null when either rank is missing. */
  readonly change: number | null;
  readonly inTopA: boolean;
  readonly inTopB: boolean;
}

export interface ListComparison {
  readonly measureA: NeighbourMeasure;
  readonly measureB: NeighbourMeasure;
  /** The shorter of the two top-k lists. */
  readonly k: number;
  /** |A and B| / k over the two top-k lists. */
  readonly overlap: number;
  readonly shared: number;
  /** Spearman's rho between the two scorings over every tune both ranked; null when undefined. */
  readonly spearman: number | null;
  /** Every tune in either top k: A's in A's order, then B's others in B's order. */
  readonly items: readonly RankChange[];
  readonly label: string;
}

export function compareNeighbourLists(a: NeighbourList, b: NeighbourList): ListComparison {
  if (a.ranks.length !== b.ranks.length) throw new Error('the two lists rank different catalogues');
  const k = Math.min(a.neighbours.length, b.neighbours.length);
  const topA = new Set(a.neighbours.slice(0, k).map((n) => n.index));
  const topB = new Set(b.neighbours.slice(0, k).map((n) => n.index));
  let shared = 0;
  for (const i of topA) if (topB.has(i)) shared++;
  const seen = new Set<number>();
  const items: RankChange[] = [];
  for (const n of [...a.neighbours.slice(0, k), ...b.neighbours.slice(0, k)]) {
    if (seen.has(n.index)) continue;
    seen.add(n.index);
    const rankA = a.ranks[n.index];
    const rankB = b.ranks[n.index];
    items.push({
      id: n.id,
      title: n.title,
      index: n.index,
      rankA,
      rankB,
      change: rankA && rankB ? rankB - rankA : null,
      inTopA: topA.has(n.index),
      inTopB: topB.has(n.index),
    });
  }
  const overlap = k ? shared / k : 0;
  const both: number[] = [];
  for (let i = 0; i < a.ranks.length; i++) if (a.ranks[i] && b.ranks[i]) both.push(i);
  return {
    measureA: a.measure,
    measureB: b.measure,
    k,
    overlap,
    shared,
    spearman: spearman(
      both.map((i) => a.scores[i]),
      both.map((i) => b.scores[i]),
    ),
    items,
    label: `top-${k} overlap of ${a.measure} and ${b.measure}: ${shared} of ${k} tunes in both lists`,
  };
}
