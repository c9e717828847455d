import { useMemo, useState } from 'react';
import {
  DEFAULT_NEIGHBOUR_SETTINGS,
  findNeighbours,
  NEIGHBOUR_MEASURES,
  type NeighbourCatalogue,
  type NeighbourList,
  type NeighbourSettings,
} from '../../explain/neighbours';
import { compareNeighbourLists } from '../../explain/neighboursCompare';
import { tokensToNoteSequence } from '../../explain/neighboursIndex';
import { useTune } from '../../store/tuneStore';
import { useCatalogue } from '../catalogue/catalogueData';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { CopyFlag } from './CopyFlag';
import { BROWSER_MEASURES } from './measures';
import { useNeighbourCatalogue } from './neighbourData';
import '../catalogue/catalogue.css';

const INITIAL: NeighbourSettings = { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'ngram', k: 10 };

const describe = (s: NeighbourSettings): string =>
  [
    BROWSER_MEASURES[s.measure].label,
    ...(s.measure === 'ngram' ? [s.ngramScore === 'containment' ? 'share of figures' : 'Jaccard'] : []),
    s.candidates === 'train' ? 'training tunes' : 'whole catalogue',
  ].join(', ');

/** The copy measurement and the nearest training tunes of the tune on show. */
export function NeighboursPanel() {
  const tune = useTune((s) => (s.streaming ? null : s.current));
  const catalogue = useCatalogue();
  const index = useNeighbourCatalogue(catalogue.data, tune !== null);
  return (
    <section className="panel neighbours-panel" aria-labelledby="neighbours-heading" data-testid="neighbours-panel">
      <h2 id="neighbours-heading">Nearest training examples</h2>
      {!tune && <p className="hint">Generate a tune to compare it with the training catalogue.</p>}
      {tune && catalogue.error && <p role="alert">{catalogue.error.message}</p>}
      {tune && (catalogue.isPending || index.isPending) && <p className="hint">Indexing the catalogue…</p>}
      {tune && index.error && <p role="alert">Neighbour index failed: {index.error.message}</p>}
      {tune && catalogue.data && index.data && (
        <CopyFlag tokens={tune.tokens} entries={catalogue.data} catalogue={index.data} />
      )}
      {tune && index.data && <NeighbourResults key={tune.id} tokens={tune.tokens} catalogue={index.data} />}
    </section>
  );
}

function NeighbourResults({ tokens, catalogue }: { tokens: readonly string[]; catalogue: NeighbourCatalogue }) {
  const [settings, setSettings] = useState(INITIAL);
  const [previous, setPrevious] = useState<{ list: NeighbourList; settings: NeighbourSettings } | null>(null);
  const open = useCatalogueStore((s) => s.open);
  const list = useMemo(
    () => findNeighbours({ catalogue, query: { sequence: tokensToNoteSequence(tokens) } }, settings),
    [catalogue, tokens, settings],
  );
  const comparison = useMemo(
    () =>
      previous && !previous.list.unavailable && !list.unavailable ? compareNeighbourLists(previous.list, list) : null,
    [previous, list],
  );
  const change = (patch: Partial<NeighbourSettings>) => {
    setPrevious({ list, settings });
    setSettings({ ...settings, ...patch });
  };
  return (
    <div data-testid="neighbours">
      <fieldset>
        <legend>Measure</legend>
        {NEIGHBOUR_MEASURES.map((m) => (
          <label key={m} className={BROWSER_MEASURES[m].unavailable ? 'disabled' : undefined}>
            <input
              type="radio"
              name="neighbour-measure"
              value={m}
              checked={settings.measure === m}
              disabled={BROWSER_MEASURES[m].unavailable !== null}
              onChange={() => change({ measure: m })}
            />
            {BROWSER_MEASURES[m].label}
            {BROWSER_MEASURES[m].unavailable && (
              <span className="hint"> — unavailable in the browser: {BROWSER_MEASURES[m].unavailable}</span>
            )}
          </label>
        ))}
      </fieldset>
      {settings.measure === 'ngram' && (
        <label>
          Overlap score{' '}
          <select
            value={settings.ngramScore}
            onChange={(e) => change({ ngramScore: e.target.value as NeighbourSettings['ngramScore'] })}
          >
            <option value="containment">share of the query&apos;s figures</option>
            <option value="jaccard">Jaccard of both figure sets</option>
          </select>
        </label>
      )}{' '}
      <label>
        Candidates{' '}
        <select
          value={settings.candidates}
          onChange={(e) => change({ candidates: e.target.value as NeighbourSettings['candidates'] })}
        >
          <option value="train">training tunes</option>
          <option value="all">whole catalogue</option>
        </select>
      </label>
      <p className="hint" data-testid="neighbours-label">
        Measurement — {list.label}
      </p>
      {list.unavailable && <p className="hint">This measure cannot rank this tune: {list.unavailable}.</p>}
      {comparison && previous && (
        <p data-testid="neighbours-overlap">
          Overlap with the previous list ({describe(previous.settings)}): {comparison.shared} of {comparison.k} tunes in
          both top {comparison.k} ({Math.round(comparison.overlap * 100)}%)
        </p>
      )}
      <ol className="neighbour-list" data-testid="neighbours-list">
        {list.neighbours.map((n) => (
          <li key={n.id}>
            <button type="button" className="link-button" onClick={() => open(n.id)}>
              {n.title}
            </button>
            <span className="neighbour-score">{n.label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
