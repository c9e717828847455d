import { useEffect, useMemo, useState } from 'react';
import {
  findNeighbours,
  NEIGHBOUR_MEASURES,
  type NeighbourInput,
  type NeighbourList,
  type NeighbourMeasure,
  type NeighbourQuery,
  type NeighbourSettings,
  DEFAULT_NEIGHBOUR_SETTINGS,
} from '../../explain/neighbours';
import { compareNeighbourLists } from '../../explain/neighboursCompare';
import { tokensToNoteSequence } from '../../explain/neighboursIndex';
import type { Tune } from '../../store/types';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { useMapStore } from '../map/mapStore';
import { useModel } from '../modelService';
import { MEASURE_LABELS, needsModel } from './measures';
import type { BrowserNeighbourIndex } from './neighbourData';
import { NeighbourAB } from './NeighbourAB';
import { modelMismatch, useQueryVectors } from './queryVectors';
import { RankChanges } from './RankChanges';

const INITIAL: NeighbourSettings = { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'ngram', k: 10 };

interface Props {
  readonly tune: Tune;
  readonly entries: readonly CatalogueEntry[];
  readonly index: BrowserNeighbourIndex;
}

/** Measure controls, the ranked list with rank changes against the previous list, and A/B against a neighbour. */
export function NeighbourResults({ tune, entries, index }: Props) {
  const [settings, setSettings] = useState(INITIAL);
  const [previous, setPrevious] = useState<{ list: NeighbourList; settings: NeighbourSettings } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const open = useCatalogueStore((s) => s.open);
  const model = useModel();
  // Read as soon as the tune is on show: the embedding map places it by its music embedding.
  const vectors = useQueryVectors(tune, index, true);
  const catalogueSide = (m: NeighbourMeasure): string | null => {
    if (!needsModel(m)) return null;
    if (index.unavailable[m]) return index.unavailable[m]!;
    if (!model.data) return 'the model is not loaded';
    return modelMismatch(model.data, index);
  };
  const sequence = useMemo(() => tokensToNoteSequence(tune.tokens), [tune.tokens]);
  const query: NeighbourQuery = useMemo(() => ({ sequence, ...vectors.data }), [sequence, vectors.data]);
  const waiting = needsModel(settings.measure) && catalogueSide(settings.measure) === null && !vectors.data;
  const { list, ms } = useMemo(
    () => timedNeighbours({ catalogue: index.catalogue, query }, settings),
    [index.catalogue, query, settings],
  );
  const comparison = useMemo(
    () =>
      previous && !previous.list.unavailable && !list.unavailable ? compareNeighbourLists(previous.list, list) : null,
    [previous, list],
  );
  const change = (patch: Partial<NeighbourSettings>) => {
    if (!waiting) setPrevious({ list, settings });
    setSettings({ ...settings, ...patch });
  };
  useEffect(() => {
    useMapStore.getState().set({
      query: { musicEmbedding: vectors.data?.musicEmbedding ?? null, label: tune.prompt || 'the tune on show' },
      neighbours: list.neighbours.map((n) => ({ id: n.id, rank: n.rank })),
      measureLabel: list.label,
    });
  }, [vectors.data, list, tune.prompt]);
  useEffect(() => () => useMapStore.getState().clear(), []);
  const selectedNeighbour = list.neighbours.find((n) => n.id === selected) ?? null;
  const previousRank = (i: number) => (comparison ? previous!.list.ranks[i] : null);
  return (
    <div data-testid="neighbours">
      <fieldset>
        <legend>Measure</legend>
        {NEIGHBOUR_MEASURES.map((m) => {
          const why = catalogueSide(m);
          return (
            <label key={m} className={why ? 'disabled' : undefined}>
              <input
                type="radio"
                name="neighbour-measure"
                value={m}
                checked={settings.measure === m}
                disabled={why !== null}
                onChange={() => change({ measure: m })}
              />
              {MEASURE_LABELS[m]}
              {why && <span className="hint"> — unavailable: {why}</span>}
            </label>
          );
        })}
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
      {settings.measure === 'gradient' && (
        <p className="hint" data-testid="gradient-caveat">
          Gradient scores are estimates of training-data influence (output layer only, one checkpoint, a random sketch);
          About explains the method and its limits.
        </p>
      )}
      {waiting && vectors.isPending && (
        <p className="hint">Reading the tune with the model for its query vectors (one teacher-forced pass)…</p>
      )}
      {waiting && vectors.error && <p role="alert">The query vectors could not be computed: {vectors.error.message}</p>}
      {!waiting && list.unavailable && <p className="hint">This measure cannot rank this tune: {list.unavailable}.</p>}
      {comparison && previous && <RankChanges comparison={comparison} previous={previous.settings} />}
      <ol
        className="neighbour-list"
        data-testid="neighbours-list"
        data-query-ms={list.unavailable ? undefined : ms.toFixed(2)}
        data-measure={list.measure}
        data-vectors-ms={vectors.data ? vectors.data.ms.toFixed(1) : undefined}
      >
        {list.neighbours.map((n) => (
          <li key={n.id} className={n.id === selected ? 'selected' : undefined}>
            <button
              type="button"
              className="link-button"
              aria-pressed={n.id === selected}
              onClick={() => setSelected(n.id === selected ? null : n.id)}
            >
              {n.title}
            </button>
            <span className="neighbour-score">{n.label}</span>
            <RankMark rank={previousRank(n.index)} now={n.rank} k={list.k} />
            <button type="button" className="link-button hint" onClick={() => open(n.id)}>
              catalogue
            </button>
          </li>
        ))}
      </ol>
      {!list.unavailable && (
        <p className="hint" data-testid="neighbours-timing">
          Ranked {list.candidates.toLocaleString('en')} tunes in {ms.toFixed(1)} ms
          {vectors.data && needsModel(list.measure) ? `; query vectors read in ${vectors.data.ms.toFixed(0)} ms` : ''}.
          Select a title to compare it with this tune.
        </p>
      )}
      {selectedNeighbour && (
        <NeighbourAB
          tokens={tune.tokens}
          neighbour={selectedNeighbour}
          entry={entries[selectedNeighbour.index]}
          catalogue={index.catalogue}
        />
      )}
    </div>
  );
}

/** The ranking and its time: the panel shows it, and `npm run bench` reads it from the list's data-query-ms. */
function timedNeighbours(input: NeighbourInput, settings: NeighbourSettings): { list: NeighbourList; ms: number } {
  const t0 = performance.now();
  const list = findNeighbours(input, settings);
  return { list, ms: performance.now() - t0 };
}

/** Where a listed tune stood in the previous list: moved up, down, unchanged, or new to the top k. */
function RankMark({ rank, now, k }: { rank: number | null; now: number; k: number }) {
  if (rank === null) return null;
  if (rank === 0 || rank > k)
    return (
      <span className="rank-mark rank-new" data-testid="rank-mark">
        new (was {rank ? `#${rank}` : 'not ranked'})
      </span>
    );
  const text = rank === now ? 'same rank' : `${rank > now ? '▲' : '▼'} was #${rank}`;
  return (
    <span className="rank-mark" data-testid="rank-mark">
      {text}
    </span>
  );
}
