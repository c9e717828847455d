/** Geometry of the heatmap canvas: pure, so hit-testing and sizing are tested without a DOM. */

export interface HeatmapLayout {
  /** Left edge of the cells (row labels sit to the left of it). */
  readonly left: number;
  /** Top edge of the cells (word labels sit above it). */
  readonly top: number;
  readonly cellW: number;
  readonly cellH: number;
  readonly rows: number;
  readonly cols: number;
  /** Whole canvas, legend included, in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Draw every `labelEvery`-th row label (rows thinner than a line of text share labels). */
  readonly labelEvery: number;
}

export const LEGEND_HEIGHT = 34;
const MIN_LABEL_ROW = 11;

export function heatmapLayout(
  rows: number,
  cols: number,
  opts: { maxWidth: number; rowLabelWidth: number; colLabelHeight: number; maxGridHeight?: number },
): HeatmapLayout {
  const left = Math.ceil(opts.rowLabelWidth) + 8;
  const top = Math.ceil(opts.colLabelHeight) + 8;
  const cellW = Math.max(14, Math.min(56, Math.floor((opts.maxWidth - left - 8) / Math.max(1, cols))));
  const cellH = Math.max(2, Math.min(20, (opts.maxGridHeight ?? 720) / Math.max(1, rows)));
  return {
    left,
    top,
    cellW,
    cellH,
    rows,
    cols,
    width: left + cellW * cols + 8,
    height: top + cellH * rows + LEGEND_HEIGHT + 8,
    labelEvery: Math.max(1, Math.ceil(MIN_LABEL_ROW / cellH)),
  };
}

export type HeatmapHit =
  | { readonly area: 'cell'; readonly row: number; readonly col: number }
  | { readonly area: 'row-label'; readonly row: number }
  | { readonly area: 'col-label'; readonly col: number };

/** What is under a point (CSS pixels from the canvas corner), or null for margins and the legend. */
export function hitTest(l: HeatmapLayout, x: number, y: number): HeatmapHit | null {
  const row = Math.floor((y - l.top) / l.cellH);
  const col = Math.floor((x - l.left) / l.cellW);
  const inRows = y >= l.top && row < l.rows;
  const inCols = x >= l.left && col < l.cols;
  if (inRows && inCols) return { area: 'cell', row, col };
  if (inRows && x < l.left) return { area: 'row-label', row };
  if (inCols && y < l.top) return { area: 'col-label', col };
  return null;
}

/** Centre of a cell, for tests and for pointing at a row from outside. */
export const cellCentre = (l: HeatmapLayout, row: number, col: number): { x: number; y: number } => ({
  x: l.left + (col + 0.5) * l.cellW,
  y: l.top + (row + 0.5) * l.cellH,
});
