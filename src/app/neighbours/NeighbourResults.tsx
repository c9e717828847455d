import { emitActivity } from '../activity';
import { useEffect, useMemo, useState } from 'react';
import {
  NEIGHBOUR_MEASURES,
  neighbourLabel,
  type NeighbourList,
  type NeighbourMeasure,
  type NeighbourSettings,
} from '../../explain/neighbours';
import { compareNeighbourLists } from '../../explain/neighboursCompare';
import type { Tune } from '../../store/types';
import type { IndexInfo } from '../../worker/neighbourProtocol';
import type { LoadedModelInfo } from '../../worker/protocol';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { isTestMode } from '../env';
import { useMapStore } from '../map/mapStore';
import { UseAsReference } from '../references/UseAsReference';
import { useModel } from '../modelService';
import { needsModel } from './measures';
import { MeasureControls } from './MeasureControls';
import { useRanking } from './neighbourData';
import { useNeighbourSettings } from './neighbourSettingsStore';
import { NeighbourAB } from './NeighbourAB';
import { modelMismatch, useQueryVectors } from './queryVectors';
import { RankChanges } from './RankChanges';

/** Timings the tests and the bench read, on the list only under the test hook (set before the app runs). */
const TEST_PROBES = isTestMode();

interface Props {
  readonly tune: Tune;
  readonly entries: readonly CatalogueEntry[];
  readonly index: IndexInfo;
}

/** Measure controls, the ranked list with rank changes against the previous list, and A/B against a neighbour. */
export function NeighbourResults({ tune, entries, index }: Props) {
  // The settings live in a store the embedding map shares, so a change can come from either.
  const settings = useNeighbourSettings((s) => s.settings);
  const change = useNeighbourSettings((s) => s.change);
  const [previous, setPrevious] = useState<Shown | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [seenSettings, setSeenSettings] = useState(settings);
  const [selected, setSelected] = useState<string | null>(null);
  const open = useCatalogueStore((s) => s.open);
  const model = useModel();
  // Read as soon as the tune is on show: the embedding map places it by its music embedding.
  const vectors = useQueryVectors(tune, index);
  const catalogueSide = (m: NeighbourMeasure) => whyUnavailable(m, index, model.data);
  const waiting = needsModel(settings.measure) && catalogueSide(settings.measure) === null && !vectors.data;
  const { textEmbedding, musicEmbedding, gradientSketch } = vectors.data ?? {};
  const ranking = useRanking(
    tune.tokens,
    { textEmbedding, musicEmbedding, gradientSketch },
    vectors.dataUpdatedAt,
    settings,
  );
  // While a new ranking is on its way the previous one stays on show (placeholder), marked as stale.
  const list = ranking.data?.list ?? null;
  const stale = ranking.isPlaceholderData;
  const comparison = useMemo(
    () =>
      previous && list && !stale && !previous.list.unavailable && !list.unavailable
        ? compareNeighbourLists(previous.list, list)
        : null,
    [previous, list, stale],
  );
  // The last list shown under settings left behind becomes the one that rank changes are measured against.
  if (list && !stale && !waiting && shown?.list !== list) setShown({ list, settings });
  if (settings !== seenSettings) {
    setSeenSettings(settings);
    if (shown && shown.settings === seenSettings) setPrevious(shown);
  }
  useEffect(() => {
    const why = NEIGHBOUR_MEASURES.map((m) => [m, whyUnavailable(m, index, model.data)] as const);
    useNeighbourSettings.getState().setUnavailable(Object.fromEntries(why.filter(([, w]) => w !== null)));
  }, [index, model.data]);
  useEffect(() => {
    useMapStore.getState().set({
      query: { musicEmbedding: vectors.data?.musicEmbedding ?? null, label: tune.prompt || 'the tune on show' },
      neighbours: list && !stale ? list.neighbours.map((n) => ({ id: n.id, rank: n.rank })) : [],
      measureLabel: list?.label ?? '',
    });
  }, [vectors.data, list, stale, tune.prompt]);
  useEffect(() => () => useMapStore.getState().clear(), []);
  const selectedNeighbour = list?.neighbours.find((n) => n.id === selected) ?? null;
  const previousRank = (i: number) => (comparison ? previous!.list.ranks[i] : null);
  return (
    <div data-testid="neighbours">
      <MeasureControls settings={settings} unavailable={catalogueSide} onChange={change} />
      <p className="hint" data-testid="neighbours-label">
        Measurement — {list && !stale ? list.label : neighbourLabel(settings, { ngrams: null, sketch: index.sketch })}
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
      {ranking.error && <p role="alert">The ranking failed: {ranking.error.message}</p>}
      {!waiting && !stale && list?.unavailable && (
        <p className="hint">This measure cannot rank this tune: {list.unavailable}.</p>
      )}
      {comparison && previous && <RankChanges comparison={comparison} previous={previous.settings} />}
      {list && (
        <ol
          className={stale ? 'neighbour-list stale' : 'neighbour-list'}
          data-testid="neighbours-list"
          aria-busy={stale}
          {...(TEST_PROBES && {
            'data-query-ms': list.unavailable || stale ? undefined : ranking.data!.ms.toFixed(2),
            'data-measure': list.measure,
            'data-vectors-ms': vectors.data ? vectors.data.ms.toFixed(1) : undefined,
            'data-index-ms': index.buildMs.toFixed(0),
          })}
        >
          {list.neighbours.map((n) => (
            <li key={n.id} className={n.id === selected ? 'selected' : undefined}>
              <button
                type="button"
                className="link-button"
                aria-pressed={n.id === selected}
                onClick={() => {
                  if (n.id !== selected)
                    emitActivity({ type: 'neighbour-chosen', tuneId: n.id, measure: settings.measure });
                  setSelected(n.id === selected ? null : n.id);
                }}
              >
                {n.title}
              </button>
              <span className="neighbour-score">{n.label}</span>
              {!stale && <RankMark rank={previousRank(n.index)} now={n.rank} k={list.k} />}
              <button type="button" className="link-button hint" onClick={() => open(n.id)}>
                catalogue
              </button>
              <UseAsReference entry={entries[n.index]} />
            </li>
          ))}
        </ol>
      )}
      {list && !stale && !list.unavailable && (
        <p className="hint" data-testid="neighbours-timing">
          Ranked {list.candidates.toLocaleString('en')} tunes in {ranking.data!.ms.toFixed(1)} ms in the neighbour
          worker
          {vectors.data && needsModel(list.measure) ? `; query vectors read in ${vectors.data.ms.toFixed(0)} ms` : ''}.
          Select a title to compare it with this tune.
        </p>
      )}
      {selectedNeighbour && (
        <NeighbourAB tokens={tune.tokens} neighbour={selectedNeighbour} entry={entries[selectedNeighbour.index]} />
      )}
    </div>
  );
}

/** Why a measure cannot rank here (its index or the model is missing), or null when it can. */
function whyUnavailable(m: NeighbourMeasure, index: IndexInfo, model: LoadedModelInfo | undefined): string | null {
  if (!needsModel(m)) return null;
  if (index.unavailable[m]) return index.unavailable[m]!;
  if (!model) return 'the model is not loaded';
  return modelMismatch(model, index);
}

interface Shown {
  readonly list: NeighbourList;
  readonly settings: NeighbourSettings;
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
