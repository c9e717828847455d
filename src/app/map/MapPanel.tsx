import { useId, useMemo, useState } from 'react';
import { projectPoint, type EmbeddingMapFile } from '../../explain/embeddingMap';
import { useCatalogue, type CatalogueEntry } from '../catalogue/catalogueData';
import { CatalogueWaiting } from '../catalogue/CatalogueWaiting';
import { EmbeddingMap } from './EmbeddingMap';
import { useEmbeddingMap } from './embeddingMapData';
import { colourEntries, COLOUR_FIELDS, type ColourBy } from './mapColour';
import { MapLegend } from './MapLegend';
import { MapMeasure } from './MapMeasure';
import { MEASURE_LABELS } from '../neighbours/measures';
import { useNeighbourSettings } from '../neighbours/neighbourSettingsStore';
import { useMapStore, type MapNeighbour, type MapQuery } from './mapStore';
import './map.css';

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The catalogue on its first two principal components, with the generation and its neighbours placed on it. */
export function MapPanel() {
  const catalogue = useCatalogue();
  const map = useEmbeddingMap(catalogue.data);
  return (
    <section className="panel map-panel" aria-labelledby="map-heading" data-testid="map-panel">
      <h2 id="map-heading">Embedding map</h2>
      {catalogue.isPending && <CatalogueWaiting loading="Loading the map…" />}
      {catalogue.data && map.isPending && <p className="hint">Loading the map…</p>}
      {catalogue.error && <p role="alert">{catalogue.error.message}</p>}
      {map.error && <p role="alert">{map.error.message}</p>}
      {catalogue.data && map.data && <MapBody entries={catalogue.data} map={map.data} />}
    </section>
  );
}

function MapBody({ entries, map }: { entries: readonly CatalogueEntry[]; map: EmbeddingMapFile }) {
  const [colourBy, setColourBy] = useState<ColourBy>('type');
  const { query, neighbours, measureLabel } = useMapStore();
  const measure = useNeighbourSettings((s) => s.settings.measure);
  const captionId = useId();
  const colours = useMemo(() => colourEntries(entries, colourBy), [entries, colourBy]);
  const indexOf = useMemo(() => new Map(entries.map((e, i) => [e.id, i])), [entries]);
  const ringed = useMemo(
    () =>
      neighbours.flatMap((n) => {
        const index = indexOf.get(n.id);
        return index === undefined ? [] : [{ index, rank: n.rank }];
      }),
    [neighbours, indexOf],
  );
  const placed = useMemo(() => place(map, query), [map, query]);
  const [pc1, pc2] = map.explainedVariance;
  return (
    <div className="map-body">
      <p className="hint" id={captionId}>
        Each dot is a catalogue tune. Axes: first two principal components of the music embeddings ({pct(pc1)} and{' '}
        {pct(pc2)} of variance); the music embedding is the mean of the decoder&apos;s last hidden state over the tune,
        read under the empty prompt. Nearby dots have similar embeddings in these two directions only.
      </p>
      <div className="map-controls row">
        <label>
          Colour by{' '}
          <select data-testid="map-colour" value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)}>
            {(Object.keys(COLOUR_FIELDS) as ColourBy[]).map((k) => (
              <option key={k} value={k}>
                {COLOUR_FIELDS[k].label}
              </option>
            ))}
          </select>
        </label>
        {query && <MapMeasure />}
      </div>
      <div className="map-view">
        <EmbeddingMap
          entries={entries}
          coords={map.coords}
          colours={colours}
          generation={placed.point}
          neighbours={ringed}
          describedBy={captionId}
        />
        <MapLegend
          title={COLOUR_FIELDS[colourBy].label}
          groups={colours.groups}
          generation={placed.point !== null}
          neighbours={ringed.length}
          measure={MEASURE_LABELS[measure]}
        />
      </div>
      <p className="hint" data-testid="map-generation" aria-live="polite">
        {describePlacement(query, placed, ringed.length, neighbours, measureLabel)}
      </p>
    </div>
  );
}

interface Placement {
  readonly point: readonly [number, number] | null;
  readonly problem: string | null;
}

function place(map: EmbeddingMapFile, query: MapQuery | null): Placement {
  if (!query?.musicEmbedding) return { point: null, problem: null };
  try {
    return { point: projectPoint(map, query.musicEmbedding), problem: null };
  } catch (e) {
    return { point: null, problem: e instanceof Error ? e.message : String(e) };
  }
}

function describePlacement(
  query: MapQuery | null,
  placed: Placement,
  ringed: number,
  neighbours: readonly MapNeighbour[],
  measureLabel: string,
): string {
  if (!query) return 'No generation on the map: generate a tune to place it and its nearest training tunes.';
  const parts: string[] = [];
  if (placed.point) {
    const [x, y] = placed.point;
    parts.push(`${query.label || 'The generation'} is placed at PC1 ${x.toFixed(2)}, PC2 ${y.toFixed(2)} (diamond).`);
  } else if (placed.problem) {
    parts.push(`${query.label || 'The generation'} cannot be placed: ${placed.problem}.`);
  } else {
    parts.push(`${query.label || 'The generation'} has no music embedding, so only its neighbours are shown.`);
  }
  if (ringed) parts.push(`Its ${ringed} nearest training tunes by ${measureLabel || 'the chosen measure'} are ringed.`);
  if (neighbours.length > ringed) parts.push(`${neighbours.length - ringed} neighbours are not in this catalogue.`);
  return parts.join(' ');
}
