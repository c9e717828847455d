import { NEIGHBOUR_MEASURES, type NeighbourMeasure, type NeighbourSettings } from '../../explain/neighbours';
import { MEASURE_LABELS } from './measures';

interface Props {
  readonly settings: NeighbourSettings;
  /** Why a measure cannot run here (its index or the model is missing), or null when it can. */
  readonly unavailable: (m: NeighbourMeasure) => string | null;
  readonly onChange: (patch: Partial<NeighbourSettings>) => void;
}

/** The measure, its n-gram score and the candidate pool. */
export function MeasureControls({ settings, unavailable, onChange }: Props) {
  return (
    <>
      <fieldset>
        <legend>Measure</legend>
        {NEIGHBOUR_MEASURES.map((m) => {
          const why = unavailable(m);
          return (
            <label key={m} className={why ? 'disabled' : undefined}>
              <input
                type="radio"
                name="neighbour-measure"
                value={m}
                checked={settings.measure === m}
                disabled={why !== null}
                onChange={() => onChange({ measure: m })}
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
            onChange={(e) => onChange({ ngramScore: e.target.value as NeighbourSettings['ngramScore'] })}
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
          onChange={(e) => onChange({ candidates: e.target.value as NeighbourSettings['candidates'] })}
        >
          <option value="train">training tunes</option>
          <option value="all">whole catalogue</option>
        </select>
      </label>
    </>
  );
}
