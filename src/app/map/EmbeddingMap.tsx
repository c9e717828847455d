/**
 * The catalogue as a canvas scatter: d3-zoom for zoom and pan, a quadtree for hover, arrow keys to move from
 * dot to dot. Hovering shows a tune; clicking (or Enter) plays it and keeps its tooltip open; clicking it again
 * stops it.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { entryTitle, type CatalogueEntry } from '../catalogue/catalogueData';
import { isTestMode } from '../env';
import { playCatalogueTune, stopCatalogueTune } from '../catalogue/cataloguePlayer';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { drawMap } from './drawMap';
import type { ColourGroups } from './mapColour';
import { MapTooltip } from './MapTooltip';
import { fitCoords, hasNeighbourWithin, pixelPositions, pointTree, stepFrom, toPixel, type Direction } from './mapView';

/** Set before the app's code runs (an automation init script), so read once. */
const TEST_PROBES = isTestMode();

interface Props {
  readonly entries: readonly CatalogueEntry[];
  /** [x0, y0, x1, y1, ...] in principal-component units, one pair per entry. */
  readonly coords: readonly number[];
  readonly colours: ColourGroups;
  /** The generation in principal-component units, or null. */
  readonly generation: readonly [number, number] | null;
  readonly neighbours: readonly { readonly index: number; readonly rank: number }[];
  readonly describedBy: string;
}

const PAD = 16;
/** Screen pixels within which the pointer picks a dot. */
const HIT_RADIUS = 8;
const MAX_ZOOM = 64;
const KEYS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function EmbeddingMap({ entries, coords, colours, generation, neighbours, describedBy }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const [width, setWidth] = useState(720);
  const height = Math.round(Math.min(680, Math.max(300, width * 0.8)));
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [active, setActive] = useState<{ index: number; pinned: boolean } | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overDot, setOverDot] = useState(false);
  const open = useCatalogueStore((s) => s.open);

  const fit = useMemo(() => fitCoords(coords, width, height, PAD), [coords, width, height]);
  const positions = useMemo(() => pixelPositions(coords, fit), [coords, fit]);
  const tree = useMemo(() => pointTree(positions), [positions]);

  useEffect(() => {
    const el = wrap.current!;
    const observer = new ResizeObserver(() => setWidth(Math.max(280, Math.floor(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current!;
    const z = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    select(el).call(z);
    zoomer.current = z;
    return () => {
      select(el).on('.zoom', null);
    };
  }, []);

  useEffect(() => {
    const scene = {
      positions,
      colours,
      neighbours,
      generation: generation ? toPixel(fit, generation[0], generation[1]) : null,
      active: active?.index ?? null,
      playing,
    };
    drawMap(canvas.current!, scene, transform, width, height);
  }, [positions, colours, neighbours, generation, fit, active, playing, transform, width, height]);

  // A few dots with no other dot within the hit radius, in view: where a test (or the tour) can hover. Worked
  // out only under the test hook; a visitor's page neither computes nor carries it.
  const sample = useMemo(() => {
    const out: { id: string; x: number; y: number }[] = [];
    if (!TEST_PROBES) return out;
    for (let i = 0; i < entries.length && out.length < 3; i++) {
      const [x, y] = transform.apply([positions[2 * i], positions[2 * i + 1]]);
      if (x < PAD || x > width - PAD || y < PAD || y > height - PAD) continue;
      if (hasNeighbourWithin(tree, positions, i, (2 * HIT_RADIUS) / transform.k)) continue;
      out.push({ id: entries[i].id, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
    }
    return out;
  }, [entries, positions, tree, transform, width, height]);

  const hit = (e: MouseEvent<HTMLCanvasElement>): number | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const [x, y] = transform.invert([e.clientX - rect.left, e.clientY - rect.top]);
    return tree.find(x, y, HIT_RADIUS / transform.k) ?? null;
  };

  const togglePlay = (index: number) => {
    if (playing === index) {
      stopCatalogueTune();
      setPlaying(null);
      return;
    }
    setError(null);
    setPlaying(index);
    playCatalogueTune(entries[index].tokens, () => setPlaying((p) => (p === index ? null : p))).catch((e: unknown) => {
      setPlaying(null);
      setError(`Playback failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  };

  const zoomBy = (factor: number | null) => {
    const sel = select(canvas.current!);
    if (factor === null) sel.call(zoomer.current!.transform, zoomIdentity);
    else sel.call(zoomer.current!.scaleBy, factor);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const dir = KEYS[e.key];
    if (dir) {
      e.preventDefault();
      const centre = transform.invert([width / 2, height / 2]);
      const next = active ? stepFrom(positions, active.index, dir) : (tree.find(centre[0], centre[1]) ?? null);
      if (next === null) return;
      setActive({ index: next, pinned: true });
      const [x, y] = transform.apply([positions[2 * next], positions[2 * next + 1]]);
      if (x < PAD || x > width - PAD || y < PAD || y > height - PAD) {
        select(canvas.current!).call(zoomer.current!.translateTo, positions[2 * next], positions[2 * next + 1]);
      }
    } else if ((e.key === 'Enter' || e.key === ' ') && active) {
      e.preventDefault();
      togglePlay(active.index);
    } else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-') zoomBy(1 / 1.5);
    else if (e.key === '0') zoomBy(null);
    else if (e.key === 'Escape') setActive(null);
  };

  const shown = active ? transform.apply([positions[2 * active.index], positions[2 * active.index + 1]]) : null;
  const tooltipFits = shown && shown[0] >= 0 && shown[0] <= width && shown[1] >= 0 && shown[1] <= height;
  return (
    <div
      ref={wrap}
      className="embedding-map"
      data-testid="embedding-map"
      {...(TEST_PROBES && {
        'data-point-count': entries.length,
        'data-zoom': transform.k.toFixed(3),
        'data-sample': JSON.stringify(sample),
      })}
    >
      <div className="map-zoom row">
        <button type="button" aria-label="Zoom in" onClick={() => zoomBy(1.5)}>
          +
        </button>
        <button type="button" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.5)}>
          −
        </button>
        <button
          type="button"
          data-testid="map-reset"
          onClick={() => zoomBy(null)}
          disabled={transform.k === 1 && transform.x === 0 && transform.y === 0}
        >
          Reset zoom
        </button>
      </div>
      <canvas
        ref={canvas}
        className={overDot ? 'over-dot' : undefined}
        width={Math.round(width * devicePixelRatio)}
        height={Math.round(height * devicePixelRatio)}
        style={{ width, height }}
        tabIndex={0}
        role="application"
        aria-roledescription="scatter plot"
        aria-label={`Embedding map of ${entries.length} catalogue tunes`}
        aria-describedby={describedBy}
        onMouseMove={(e) => {
          const i = hit(e);
          setOverDot(i !== null);
          if (i !== null) setActive((a) => ({ index: i, pinned: a?.index === i && a.pinned }));
          else setActive((a) => (a?.pinned ? a : null));
        }}
        onMouseLeave={() => {
          setOverDot(false);
          setActive((a) => (a?.pinned ? a : null));
        }}
        onClick={(e) => {
          const i = hit(e);
          setActive(i === null ? null : { index: i, pinned: true });
          if (i !== null) togglePlay(i);
        }}
        onKeyDown={onKeyDown}
      />
      {active && shown && tooltipFits && (
        <MapTooltip
          entry={entries[active.index]}
          x={shown[0]}
          y={shown[1]}
          flip={shown[0] > width - 260}
          playing={playing === active.index}
          onPlay={() => togglePlay(active.index)}
          onOpen={() => open(entries[active.index].id)}
        />
      )}
      <p className="sr-only" aria-live="polite">
        {active
          ? `${entryTitle(entries[active.index])}, ${entries[active.index].type ?? 'no type given'}, ${entries[active.index].key}`
          : ''}
      </p>
      <p className="hint">Scroll to zoom, drag to pan; arrow keys move between tunes, Enter plays, + and − zoom.</p>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
