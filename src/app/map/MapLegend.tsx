import type { ColourGroup } from './mapColour';

interface Props {
  readonly title: string;
  readonly groups: readonly ColourGroup[];
  readonly generation: boolean;
  readonly neighbours: number;
  /** The measure that ranked the ringed tunes. */
  readonly measure: string;
}

/** The colour groups with their counts, then the markers drawn over the dots when there are any. */
export function MapLegend({ title, groups, generation, neighbours, measure }: Props) {
  return (
    <ul className="map-legend" data-testid="map-legend" aria-label={`Legend: ${title}`}>
      {groups.map((g) => (
        <li key={g.label}>
          <span className="map-swatch" style={{ background: g.colour }} aria-hidden="true" />
          {g.label} <span className="map-legend-count">({g.count})</span>
        </li>
      ))}
      {generation && (
        <li>
          <span className="map-swatch map-swatch-generation" aria-hidden="true" />
          the generation
        </li>
      )}
      {neighbours > 0 && (
        <li>
          <span className="map-swatch map-swatch-ring" aria-hidden="true" />
          its {neighbours} nearest by {measure}, ringed and numbered by rank
        </li>
      )}
    </ul>
  );
}
