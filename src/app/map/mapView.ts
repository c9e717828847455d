/**
 * The map's geometry, kept pure so it can be tested: fitting the coordinates into the canvas (one scale for
 * both axes, since the components share units), hit-testing through a quadtree, and stepping from dot to dot
 * with the arrow keys.
 */
import { quadtree, type Quadtree } from 'd3';

export interface Fit {
  /** Pixels per unit, the same on both axes. */
  readonly scale: number;
  /** Pixel position of the coordinate origin; y grows downwards on screen. */
  readonly originX: number;
  readonly originY: number;
}

/** Fits [x0, y0, x1, y1, ...] into width x height, leaving `pad` pixels on each side, centred. */
export function fitCoords(coords: ArrayLike<number>, width: number, height: number, pad: number): Fit {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    xMin = Math.min(xMin, coords[i]);
    xMax = Math.max(xMax, coords[i]);
    yMin = Math.min(yMin, coords[i + 1]);
    yMax = Math.max(yMax, coords[i + 1]);
  }
  if (!(xMax >= xMin)) return { scale: 1, originX: width / 2, originY: height / 2 };
  const scale = Math.min(
    (width - 2 * pad) / Math.max(xMax - xMin, 1e-9),
    (height - 2 * pad) / Math.max(yMax - yMin, 1e-9),
  );
  return {
    scale,
    originX: width / 2 - (scale * (xMin + xMax)) / 2,
    originY: height / 2 + (scale * (yMin + yMax)) / 2,
  };
}

export const toPixel = (fit: Fit, x: number, y: number): [number, number] => [
  fit.originX + fit.scale * x,
  fit.originY - fit.scale * y,
];

/** Pixel positions (before zoom) of every dot, flat like the coordinates. */
export function pixelPositions(coords: ArrayLike<number>, fit: Fit): Float32Array {
  const out = new Float32Array(coords.length);
  for (let i = 0; i < coords.length; i += 2) {
    out[i] = fit.originX + fit.scale * coords[i];
    out[i + 1] = fit.originY - fit.scale * coords[i + 1];
  }
  return out;
}

export type PointTree = Quadtree<number>;

export const pointTree = (positions: Float32Array): PointTree =>
  quadtree<number>()
    .x((i) => positions[2 * i])
    .y((i) => positions[2 * i + 1])
    .addAll(Array.from({ length: positions.length / 2 }, (_, i) => i));

/** Whether any other dot lies within `radius` of dot `i`. */
export function hasNeighbourWithin(tree: PointTree, positions: Float32Array, i: number, radius: number): boolean {
  const x = positions[2 * i];
  const y = positions[2 * i + 1];
  let found = false;
  tree.visit((node, x0, y0, x1, y1) => {
    if (found || x0 > x + radius || x1 < x - radius || y0 > y + radius || y1 < y - radius) return true;
    if (!('length' in node)) {
      for (let leaf: typeof node | undefined = node; leaf; leaf = leaf.next) {
        const j = leaf.data;
        if (j !== i && (positions[2 * j] - x) ** 2 + (positions[2 * j + 1] - y) ** 2 <= radius * radius) found = true;
      }
    }
    return found;
  });
  return found;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXIS: Readonly<Record<Direction, [number, number]>> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/**
 * The nearest dot from `from` within a 90-degree cone in screen direction `dir` (null when there is none).
 * Distance along the cone's side counts double, so a step prefers dots straight ahead.
 */
export function stepFrom(positions: Float32Array, from: number, dir: Direction): number | null {
  const [ax, ay] = AXIS[dir];
  const x = positions[2 * from];
  const y = positions[2 * from + 1];
  let best: number | null = null;
  let bestCost = Infinity;
  for (let j = 0; j < positions.length / 2; j++) {
    const dx = positions[2 * j] - x;
    const dy = positions[2 * j + 1] - y;
    const ahead = dx * ax + dy * ay;
    const aside = Math.abs(dx * ay - dy * ax);
    if (j === from || ahead <= 0 || aside > ahead) continue;
    const cost = ahead + 2 * aside;
    if (cost < bestCost) {
      bestCost = cost;
      best = j;
    }
  }
  return best;
}
