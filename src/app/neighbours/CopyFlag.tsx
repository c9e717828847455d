import { useQuery } from '@tanstack/react-query';
import { COPY_THRESHOLD, MIN_NOTES_PER_BAR } from '../../explain/copyDetect';
import { entryTitle, type CatalogueEntry } from '../catalogue/catalogueData';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { copyMessage } from './copyMessage';
import { copyScoreOptions } from './neighbourData';

interface Props {
  readonly tokens: readonly string[];
  readonly entries: readonly CatalogueEntry[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The copy score of the tune on show against the whole catalogue, flagged above the threshold. */
export function CopyFlag({ tokens, entries }: Props) {
  const copy = useQuery(copyScoreOptions(tokens));
  const open = useCatalogueStore((s) => s.open);
  if (copy.isPending) return <p className="hint">Comparing the tune's bars with the catalogue…</p>;
  if (copy.error) return <p role="alert">Copy measurement failed: {copy.error.message}</p>;
  const score = copy.data;
  const entry = score.tuneId ? entries.find((e) => e.id === score.tuneId) : undefined;
  const what = `Measurement — copy score: share of the tune's bars (of ${MIN_NOTES_PER_BAR} or more notes, compared up to transposition) found in one catalogue tune; flagged from ${pct(COPY_THRESHOLD)}.`;
  if (score.comparableBars === 0)
    return (
      <p className="hint" data-testid="copy-score">
        {what} This tune has no bars to compare.
      </p>
    );
  return (
    <div
      className={score.flagged ? 'copy-flag' : 'copy-score'}
      data-testid={score.flagged ? 'copy-flag' : 'copy-score'}
      role={score.flagged ? 'alert' : undefined}
    >
      <p className="hint">{what}</p>
      <p>
        {score.flagged && <strong>Possible copy: </strong>}
        <span data-testid="copy-message">
          {copyMessage(score, entry ? { title: entryTitle(entry), collection: entry.credits.collection } : null)}
        </span>{' '}
        ({pct(score.share)}){' '}
        {entry && (
          <button type="button" className="link-button" onClick={() => open(entry.id)}>
            Open in catalogue
          </button>
        )}
      </p>
    </div>
  );
}
