import { termsForTune } from '../../rights/terms';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { referenceText, royaltyText, trainingText, usesText } from '../rights/termsText';
import { useRegistry } from '../rights/useRegistry';
import { BarRangeFields } from './BarRangeFields';
import { readRange, type RangeText } from './barRangeText';
import { UseAsReference } from './UseAsReference';

interface Props {
  readonly entry: CatalogueEntry;
  readonly range: RangeText;
  onRange(range: RangeText): void;
}

/** A catalogue tune's terms from the registry in force, and choosing it (or some of its bars) as a reference. */
export function CatalogueRights({ entry, range, onRange }: Props) {
  const { registry } = useRegistry();
  const reading = readRange(range);
  if (!registry) return <p className="hint">Loading the rights registry…</p>;
  const { terms, from, collectionName, simulated } = termsForTune(registry, entry.id);
  const source =
    from === 'tune'
      ? 'this tune’s own entry'
      : from === 'collection'
        ? `the entry for ${collectionName}`
        : 'the registry’s defaults';
  return (
    <section className="catalogue-rights" data-testid="catalogue-rights" aria-label="Rights and terms">
      <h4>Rights and terms{simulated ? ' (simulated)' : ''}</h4>
      <dl className="catalogue-credits">
        <dt>Rights holder</dt>
        <dd>{terms.rightsHolder}</dd>
        <dt>Credits</dt>
        <dd>{terms.credits.join('; ')}</dd>
        <dt>As a reference</dt>
        <dd>{referenceText(terms)}</dd>
        <dt>Training</dt>
        <dd data-testid="catalogue-training">{trainingText(terms)}</dd>
        <dt>Outputs</dt>
        <dd>{usesText(terms)}</dd>
        <dt>Royalty</dt>
        <dd>{royaltyText(terms)}</dd>
      </dl>
      <p className="hint">
        From {source} in{' '}
        {simulated ? 'a registry of simulated terms: the tunes are public domain' : 'the registry in force'}.
      </p>
      <div className="row">
        <BarRangeFields value={range} onChange={onRange} bars={entry.features.bars} />
        <UseAsReference
          entry={entry}
          range={reading.ok ? reading.range : null}
          rangeProblem={reading.ok ? null : reading.reason}
        />
      </div>
      <p className="hint">
        Click a bar on the score to start a range and another to end it; leave the fields empty for the default bars.
      </p>
    </section>
  );
}
