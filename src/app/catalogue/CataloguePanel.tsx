import { useEffect, useMemo, useRef } from 'react';
import { allowsTraining, termsForTune } from '../../rights/terms';
import { useRegistry } from '../rights/useRegistry';
import { entryTitle, useCatalogue } from './catalogueData';
import { filterCatalogue, filterOptions, type CatalogueFilter } from './catalogueFilter';
import { CatalogueDetail } from './CatalogueDetail';
import { CatalogueWaiting } from './CatalogueWaiting';
import { useCatalogueStore } from './catalogueStore';
import { VirtualList } from './VirtualList';
import './catalogue.css';

const ROW_HEIGHT = 28;
const LIST_HEIGHT = 420;
const SELECTS: readonly { key: Exclude<keyof CatalogueFilter, 'text'>; label: string }[] = [
  { key: 'type', label: 'Type' },
  { key: 'key', label: 'Key' },
  { key: 'meter', label: 'Meter' },
  { key: 'collection', label: 'Collection' },
];

/** Every tune the model was trained (and validated and tested) on, searchable, with its score and credits. */
export function CataloguePanel() {
  const catalogue = useCatalogue();
  const { registry } = useRegistry();
  const entries = catalogue.data;
  const { filter, selectedId, revealCount, setFilter, select } = useCatalogueStore();
  const options = useMemo(() => (entries ? filterOptions(entries) : null), [entries]);
  const shown = useMemo(() => (entries ? filterCatalogue(entries, filter) : []), [entries, filter]);
  const selected = entries?.find((e) => e.id === selectedId) ?? null;
  const section = useRef<HTMLElement>(null);
  // An entry opened from another panel brings the catalogue into view.
  useEffect(() => {
    if (revealCount > 0) section.current?.scrollIntoView({ block: 'start' });
  }, [revealCount]);
  const selectedRow = entries && selectedId ? shown.findIndex((i) => entries[i].id === selectedId) : -1;
  return (
    <section
      ref={section}
      className="panel catalogue-panel"
      aria-labelledby="catalogue-heading"
      data-testid="catalogue-panel"
    >
      <h2 id="catalogue-heading">Training catalogue</h2>
      {catalogue.isPending && <CatalogueWaiting loading="Loading the catalogue…" />}
      {catalogue.error && <p role="alert">{catalogue.error.message}</p>}
      {entries && options && (
        <div className="catalogue-body">
          <div className="catalogue-browse">
            <div className="catalogue-filters">
              <label>
                Title
                <input
                  type="search"
                  value={filter.text}
                  placeholder="Search titles"
                  onChange={(e) => setFilter({ text: e.target.value })}
                />
              </label>
              {SELECTS.map(({ key, label }) => (
                <label key={key}>
                  {label}
                  <select value={filter[key]} onChange={(e) => setFilter({ [key]: e.target.value })}>
                    <option value="">any</option>
                    {options[key].map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <p className="hint" data-testid="catalogue-count">
              {shown.length} of {entries.length} tunes
            </p>
            <VirtualList
              label="Catalogue tunes"
              count={shown.length}
              rowHeight={ROW_HEIGHT}
              height={LIST_HEIGHT}
              reveal={{ index: selectedRow, key: revealCount }}
              renderRow={(row) => {
                const e = entries[shown[row]];
                return (
                  <button
                    type="button"
                    role="listitem"
                    className="catalogue-row"
                    aria-current={e.id === selectedId}
                    onClick={() => select(e.id)}
                  >
                    <span className="catalogue-title">{entryTitle(e)}</span>
                    {registry && !allowsTraining(termsForTune(registry, e.id).terms) && (
                      <span
                        className="training-opt-out"
                        title="Its terms opt it out of training: npm run corpus leaves it out of the next training run"
                      >
                        no training
                      </span>
                    )}
                    <span className="catalogue-meta">
                      {e.type ?? ''} {e.key} {e.meter}
                    </span>
                  </button>
                );
              }}
            />
          </div>
          {selected ? (
            <CatalogueDetail key={selected.id} entry={selected} />
          ) : (
            <p className="hint">Choose a tune to see it.</p>
          )}
        </div>
      )}
    </section>
  );
}
