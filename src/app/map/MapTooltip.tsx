import { entryTitle, type CatalogueEntry } from '../catalogue/catalogueData';
import { UseAsReference } from '../references/UseAsReference';

interface Props {
  readonly entry: CatalogueEntry;
  /** Pixel position of the dot within the map. */
  readonly x: number;
  readonly y: number;
  /** Opens leftwards near the right edge, so it stays inside the map. */
  readonly flip: boolean;
  readonly playing: boolean;
  onPlay(): void;
  onOpen(): void;
}

/** The title and metadata of the dot in focus, with play and open-in-catalogue buttons. */
export function MapTooltip({ entry, x, y, flip, playing, onPlay, onOpen }: Props) {
  return (
    <div
      className={`map-tooltip${flip ? ' flip' : ''}`}
      style={{ left: x, top: y }}
      data-testid="map-tooltip"
      role="group"
      aria-label={`Catalogue tune ${entryTitle(entry)}`}
    >
      <strong>{entryTitle(entry)}</strong>
      <span>{[entry.type ?? 'no type given', entry.key, entry.meter].join(' · ')}</span>
      <span className="map-tooltip-collection">{entry.credits.collection}</span>
      <span className="map-tooltip-actions">
        <button type="button" onClick={onPlay}>
          {playing ? 'Stop' : 'Play'}
        </button>
        <button type="button" onClick={onOpen}>
          Open in catalogue
        </button>
        <UseAsReference entry={entry} />
      </span>
    </div>
  );
}
