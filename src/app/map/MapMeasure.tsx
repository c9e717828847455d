import { NEIGHBOUR_MEASURES, type NeighbourMeasure } from '../../explain/neighbours';
import { MEASURE_LABELS } from '../neighbours/measures';
import { useNeighbourSettings } from '../neighbours/neighbourSettingsStore';

/**
 * Which measure's nearest tunes the map rings, switchable here as in the neighbours panel (they share the
 * setting). Only the music embedding ranks by the vectors the map projects, which is why other rings can scatter.
 */
export function MapMeasure() {
  const measure = useNeighbourSettings((s) => s.settings.measure);
  const unavailable = useNeighbourSettings((s) => s.unavailable);
  const change = useNeighbourSettings((s) => s.change);
  return (
    <>
      <label>
        Ring the nearest tunes by{' '}
        <select
          data-testid="map-measure"
          value={measure}
          onChange={(e) => change({ measure: e.target.value as NeighbourMeasure })}
        >
          {NEIGHBOUR_MEASURES.map((m) => (
            <option key={m} value={m} disabled={unavailable[m] !== undefined}>
              {MEASURE_LABELS[m]}
              {unavailable[m] !== undefined ? ' (unavailable)' : ''}
            </option>
          ))}
        </select>
      </label>
      <p className="hint map-measure-note" data-testid="map-measure-note">
        {measure === 'music'
          ? 'The rings are nearest in all dimensions of the music embedding; the map shows two, so some may look far.'
          : 'The map places tunes by their music embedding; nearest by this measure, the ringed tunes can lie anywhere on it.'}
      </p>
    </>
  );
}
