import type { ListComparison } from '../../explain/neighboursCompare';
import type { NeighbourSettings } from '../../explain/neighbours';
import { MEASURE_LABELS } from './measures';

const describe = (s: NeighbourSettings): string =>
  [
    MEASURE_LABELS[s.measure],
    ...(s.measure === 'ngram' ? [s.ngramScore === 'containment' ? 'share of figures' : 'Jaccard'] : []),
    s.candidates === 'train' ? 'training tunes' : 'whole catalogue',
  ].join(', ');

/** How the list on show differs from the previous one: overlap, rank correlation, and tunes that left. */
export function RankChanges({ comparison: c, previous }: { comparison: ListComparison; previous: NeighbourSettings }) {
  const left = c.items.filter((i) => i.inTopA && !i.inTopB);
  return (
    <div className="rank-changes">
      <p data-testid="neighbours-overlap">
        Overlap with the previous list ({describe(previous)}): {c.shared} of {c.k} tunes in both top {c.k} (
        {Math.round(c.overlap * 100)}%)
        {c.spearman !== null &&
          `; Spearman ρ of the two scorings over every tune both ranked: ${c.spearman.toFixed(2)}`}
        .
      </p>
      {left.length > 0 && (
        <p className="hint" data-testid="neighbours-left">
          Left the top {c.k}:{' '}
          {left.map((i) => `${i.title} (#${i.rankA} → ${i.rankB ? `#${i.rankB}` : 'not ranked'})`).join('; ')}
        </p>
      )}
    </div>
  );
}
