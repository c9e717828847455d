import { useMemo } from 'react';
import { formatScaleValue, scaleStops, type HeatmapInput } from '../../vis/heatmap';

interface Props {
  readonly data: Float32Array;
  readonly scale: HeatmapInput['scale'];
  /** What the colours measure (the map's label, shown above it), given as the legend's tooltip. */
  readonly label: string;
  readonly testId: string;
}

/**
 * The map's colour scale in the page, outside the map's scroll box: a tall per-token map keeps its canvas legend
 * out of sight at the bottom.
 */
export function ColourLegend({ data, scale, label, testId }: Props) {
  const stops = useMemo(() => scaleStops(data, scale, 5), [data, scale]);
  const ramp = `linear-gradient(to right, ${stops.map((s) => s.colour).join(', ')})`;
  return (
    <figure className="colour-legend" data-testid={testId} title={label}>
      <figcaption className="hint">Map colour scale, lowest to highest value:</figcaption>
      <div className="colour-ramp" style={{ background: ramp }} aria-hidden="true" />
      <ol className="colour-values" aria-label="Values along the scale, lowest first">
        {stops.map((s, i) => (
          <li key={i} data-testid="legend-value">
            {formatScaleValue(s.value)}
          </li>
        ))}
      </ol>
    </figure>
  );
}
