/** Geometry of the heatmap canvas: pure, so hit-testing and sizing are tested without a DOM. */

/** A run of columns that belong together (the prompt's words; one reference's bars). */
export interface ColumnGroup {
  readonly label: string;
  readonly start: number;
  readonly count: number;
}

/** A column group placed on the canvas: its label sits over [x, x + labelWidth), its cells over [x, x + width). */
export interface GroupBox extends ColumnGroup {
  readonly x: number;
  readonly width: number;
  /** Room for the label: up to the next group's label, or the canvas edge for the last. */
  readonly labelWidth: number;
}

export interface HeatmapLayout {
  /** Left edge of the cells (row labels sit to the left of it). */
  readonly left: number;
  /** Top edge of the cells (word labels sit above it). */
  readonly top: number;
  readonly cellW: number;
  readonly cellH: number;
  readonly rows: number;
  readonly cols: number;
  /** Left edge of each column; a gap of GROUP_GAP separates column groups. */
  readonly colX: readonly number[];
  /** Right edge of the last column. */
  readonly right: number;
  /** The column groups, empty when none were given. */
  readonly groups: readonly GroupBox[];
  /** x of each separator line, in the middle of the gap between two groups. */
  readonly separators: readonly number[];
  /** Whole canvas, legend included, in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Draw every `labelEvery`-th row label (rows thinner than a line of text share labels). */
  readonly labelEvery: number;
}

export const LEGEND_HEIGHT = 34;
/** Band at the top, above the word labels, that holds the group labels when there are groups: y in [0, this). */
export const GROUP_BAND_HEIGHT = 24;
export const GROUP_GAP = 6;
const MIN_LABEL_ROW = 11;
const MARGIN = 8;

/** Groups kept in order, clipped to the columns; empty ones dropped. */
function cleanGroups(groups: readonly ColumnGroup[], cols: number): ColumnGroup[] {
  return groups
    .map((g) => ({
      ...g,
      count: Math.min(g.start + g.count, cols) - Math.max(0, g.start),
      start: Math.max(0, g.start),
    }))
    .filter((g) => g.count > 0)
    .sort((a, b) => a.start - b.start);
}

export function heatmapLayout(
  rows: number,
  cols: number,
  opts: {
    maxWidth: number;
    rowLabelWidth: number;
    colLabelHeight: number;
    /** Width of the longest column label as written; labels run up and right at 45°, past the last column. */
    colLabelWidth?: number;
    maxGridHeight?: number;
    groups?: readonly ColumnGroup[];
  },
): HeatmapLayout {
  const groups = cleanGroups(opts.groups ?? [], cols);
  // A gap opens before each group that does not start the map.
  const gapBefore = new Set(groups.map((g) => g.start).filter((s) => s > 0));
  const left = Math.ceil(opts.rowLabelWidth) + MARGIN;
  const top = Math.ceil(opts.colLabelHeight) + MARGIN + (groups.length ? GROUP_BAND_HEIGHT : 0);
  const room = opts.maxWidth - left - MARGIN - gapBefore.size * GROUP_GAP;
  // The last label starts at its column's centre and reaches this far right of it.
  const labelReach = (opts.colLabelWidth ?? 0) * Math.SQRT1_2;
  const n = Math.max(1, cols);
  const cellW = Math.max(14, Math.min(56, Math.floor(room / n), Math.floor((room - labelReach) / (n - 0.5))));
  const cellH = Math.max(2, Math.min(20, (opts.maxGridHeight ?? 720) / Math.max(1, rows)));
  const colX: number[] = [];
  let x = left;
  for (let c = 0; c < cols; c++) {
    if (gapBefore.has(c)) x += GROUP_GAP;
    colX.push(x);
    x += cellW;
  }
  const right = x;
  const width = Math.ceil(Math.max(right, right - cellW / 2 + labelReach)) + MARGIN;
  const boxes = groups.map((g, i) => {
    const gx = colX[g.start];
    const next = groups[i + 1];
    return {
      ...g,
      x: gx,
      width: colX[g.start + g.count - 1] + cellW - gx,
      labelWidth: (next ? colX[next.start] : width) - gx - 4,
    };
  });
  return {
    left,
    top,
    cellW,
    cellH,
    rows,
    cols,
    colX,
    right,
    groups: boxes,
    separators: [...gapBefore].sort((a, b) => a - b).map((c) => colX[c] - GROUP_GAP / 2),
    width,
    height: top + cellH * rows + LEGEND_HEIGHT + MARGIN,
    labelEvery: Math.max(1, Math.ceil(MIN_LABEL_ROW / cellH)),
  };
}

export type HeatmapHit =
  | { readonly area: 'cell'; readonly row: number; readonly col: number }
  | { readonly area: 'row-label'; readonly row: number }
  | { readonly area: 'col-label'; readonly col: number };

/** The column under x, or null left of the cells, right of them or in a gap between groups. */
export function columnAt(l: HeatmapLayout, x: number): number | null {
  if (x < l.left || x >= l.right) return null;
  // Columns are few (words and reference bars), so a scan is fine.
  for (let c = l.cols - 1; c >= 0; c--) if (x >= l.colX[c]) return x < l.colX[c] + l.cellW ? c : null;
  return null;
}

/**
 * What is under a point (CSS pixels from the canvas corner), or null for margins, the legend, the gaps between
 * column groups and the group labels.
 */
export function hitTest(l: HeatmapLayout, x: number, y: number): HeatmapHit | null {
  const row = Math.floor((y - l.top) / l.cellH);
  const col = columnAt(l, x);
  const inRows = y >= l.top && row < l.rows;
  const groupBand = l.groups.length > 0 && y < GROUP_BAND_HEIGHT;
  if (inRows && col !== null) return { area: 'cell', row, col };
  if (inRows && x < l.left) return { area: 'row-label', row };
  if (col !== null && y < l.top && !groupBand) return { area: 'col-label', col };
  return null;
}

/** Centre of a cell, for tests and for pointing at a row from outside. */
export const cellCentre = (l: HeatmapLayout, row: number, col: number): { x: number; y: number } => ({
  x: (l.colX[col] ?? l.left + col * l.cellW) + 0.5 * l.cellW,
  y: l.top + (row + 0.5) * l.cellH,
});

/**
 * The longest start of `text` (with "…" when cut) whose width fits `maxWidth`; "" when not even "…" fits.
 * `measure` gives a string's width (a canvas context's measureText in the browser).
 */
export function fitLabel(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  let n = text.length - 1;
  while (n > 0 && measure(`${text.slice(0, n).trimEnd()}…`) > maxWidth) n--;
  const cut = `${text.slice(0, n).trimEnd()}…`;
  return measure(cut) <= maxWidth ? cut : '';
}
