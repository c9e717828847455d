import { interpolateRdBu, interpolateYlGnBu } from 'd3';
import {
  fitLabel,
  GROUP_BAND_HEIGHT,
  heatmapLayout,
  hitTest,
  type ColumnGroup,
  type HeatmapHit,
  type HeatmapLayout,
} from './heatmapLayout';

export interface HeatmapInput {
  readonly rows: number;
  readonly cols: number;
  /** rows * cols values, row-major. */
  readonly data: Float32Array;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  /** The measurement, drawn at the top of the exported PNG. */
  readonly title: string;
  /** sequential: 0..max; diverging: symmetric around 0 (red below, blue above). */
  readonly scale: 'sequential' | 'diverging';
  /** Columns drawn with a "?" (words the vocabulary does not know). */
  readonly flaggedCols?: readonly number[];
  /** Runs of columns drawn apart, each under its label (the prompt; each reference). */
  readonly colGroups?: readonly ColumnGroup[];
}

export interface HeatmapMarks {
  readonly hoverRow: number | null;
  readonly selectedRow: number | null;
  readonly playingRow: number | null;
  readonly selectedCol: number | null;
}

export interface HeatmapEvents {
  onHover?(hit: HeatmapHit | null): void;
  onClick?(hit: HeatmapHit): void;
}

const FONT = '12px system-ui, sans-serif';
const GROUP_FONT = `600 ${FONT}`;
const LUT_SIZE = 256;
const INK = '#14213d';

const interpolator = (scale: HeatmapInput['scale']) => (scale === 'diverging' ? interpolateRdBu : interpolateYlGnBu);

function lut(scale: HeatmapInput['scale']): string[] {
  const f = interpolator(scale);
  return Array.from({ length: LUT_SIZE }, (_, i) => f(i / (LUT_SIZE - 1)));
}

/** The value range the colours span: [0, max] (or [min, max] below 0), or [-m, m] for diverging. */
export function colourDomain(data: Float32Array, scale: HeatmapInput['scale']): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!Number.isFinite(lo)) return [0, 1];
  if (scale === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return [Math.min(0, lo), hi > Math.min(0, lo) ? hi : Math.min(0, lo) + 1];
}

/** A legend value: three significant figures, whole numbers from 100 up. */
export const formatScaleValue = (v: number) => (Math.abs(v) >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(3));
const fmt = formatScaleValue;

/** `count` evenly spaced values across the colour domain, lowest first, each with the colour the cells use. */
export function scaleStops(
  data: Float32Array,
  scale: HeatmapInput['scale'],
  count = 5,
): { value: number; colour: string }[] {
  const [lo, hi] = colourDomain(data, scale);
  const f = interpolator(scale);
  const n = Math.max(2, count);
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return { value: lo + t * (hi - lo), colour: f(t) };
  });
}

/** One mark's outline: a box in the map's CSS pixels, drawn as a border `width` wide centred on its edges. */
export interface MarkBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly width: number;
  readonly colour: string;
}

const MARK_KINDS = ['selectedCol', 'playingRow', 'selectedRow', 'hoverRow'] as const;
type MarkKind = (typeof MARK_KINDS)[number];

/** Where each mark goes (null: not shown), bottom to top in MARK_KINDS order. */
export function markBoxes(l: HeatmapLayout, marks: HeatmapMarks): Record<MarkKind, MarkBox | null> {
  const band = (row: number | null, colour: string, width: number): MarkBox | null => {
    if (row === null || row < 0 || row >= l.rows) return null;
    const h = Math.max(l.cellH, 3);
    return { x: 2, y: l.top + row * l.cellH - (h - l.cellH) / 2, w: l.right - 2, h, width, colour };
  };
  const col = marks.selectedCol;
  const y = l.groups.length ? GROUP_BAND_HEIGHT : 0;
  return {
    selectedCol:
      col !== null && col >= 0 && col < l.cols
        ? { x: l.colX[col], y, w: l.cellW, h: l.top + l.rows * l.cellH - y, width: 3, colour: '#e76f51' }
        : null,
    playingRow: band(marks.playingRow, '#2a9d8f', 3),
    selectedRow: band(marks.selectedRow, '#e76f51', 3),
    hoverRow: band(marks.hoverRow, INK, 1.5),
  };
}

/**
 * A labelled matrix on a canvas. The cells are drawn once onto the canvas; hover, selection, the playhead and the
 * chosen column are outlined boxes in a layer on top, each its own compositing layer, so moving the pointer moves
 * a box (a transform) and repaints nothing: redrawing a transparent canvas the size of a 510-row map cost a frame.
 */
export class Heatmap {
  private readonly base: HTMLCanvasElement;
  private readonly overlay: HTMLDivElement;
  private readonly markEls: Record<MarkKind, HTMLDivElement>;
  private layout: HeatmapLayout | null = null;
  private input: HeatmapInput | null = null;
  private marks: HeatmapMarks = { hoverRow: null, selectedRow: null, playingRow: null, selectedCol: null };

  constructor(
    private readonly node: HTMLElement,
    private readonly events: HeatmapEvents,
  ) {
    this.base = document.createElement('canvas');
    this.overlay = document.createElement('div');
    this.base.className = 'heatmap-base';
    this.overlay.className = 'heatmap-overlay';
    this.markEls = Object.fromEntries(
      MARK_KINDS.map((kind) => {
        const el = document.createElement('div');
        el.className = 'heatmap-mark';
        el.hidden = true;
        this.overlay.append(el);
        return [kind, el];
      }),
    ) as Record<MarkKind, HTMLDivElement>;
    this.overlay.addEventListener('mousemove', this.move);
    this.overlay.addEventListener('mouseleave', this.leave);
    this.overlay.addEventListener('click', this.click);
    node.replaceChildren(this.base, this.overlay);
  }

  get currentLayout(): HeatmapLayout | null {
    return this.layout;
  }

  draw(input: HeatmapInput, maxWidth: number): void {
    this.input = input;
    const ctx = this.base.getContext('2d');
    if (!ctx) return;
    ctx.font = FONT;
    const shorten = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);
    const rowLabelWidth = Math.max(24, ...input.rowLabels.map((s) => ctx.measureText(shorten(s)).width));
    const colLabelWidth = Math.max(20, ...input.colLabels.map((s) => ctx.measureText(`${shorten(s)} ?`).width));
    const l = heatmapLayout(input.rows, input.cols, {
      maxWidth,
      rowLabelWidth,
      colLabelHeight: colLabelWidth * Math.SQRT1_2 + 12,
      colLabelWidth,
      groups: input.colGroups,
    });
    this.layout = l;
    size(this.base, l.width, l.height);
    this.overlay.style.width = `${l.width}px`;
    this.overlay.style.height = `${l.height}px`;
    const g = this.base.getContext('2d')!;
    g.font = FONT;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, l.width, l.height);
    const colours = lut(input.scale);
    const [lo, hi] = colourDomain(input.data, input.scale);
    const span = hi - lo || 1;
    for (let r = 0; r < l.rows; r++) {
      for (let c = 0; c < l.cols; c++) {
        const v = input.data[r * l.cols + c];
        const t = Math.max(0, Math.min(1, (v - lo) / span));
        g.fillStyle = Number.isFinite(v) ? colours[Math.round(t * (LUT_SIZE - 1))] : '#ddd';
        // Whole pixels, overlapping by a fraction, so thin rows show no seams.
        g.fillRect(l.colX[c], l.top + r * l.cellH, l.cellW, l.cellH + 0.5);
      }
    }
    g.fillStyle = INK;
    g.textBaseline = 'middle';
    g.textAlign = 'right';
    for (let r = 0; r < l.rows; r += l.labelEvery)
      g.fillText(shorten(input.rowLabels[r]), l.left - 6, l.top + (r + 0.5) * l.cellH);
    const flagged = new Set(input.flaggedCols ?? []);
    g.textAlign = 'left';
    for (let c = 0; c < l.cols; c++) {
      g.save();
      g.translate(l.colX[c] + 0.5 * l.cellW, l.top - 6);
      g.rotate(-Math.PI / 4);
      g.fillStyle = flagged.has(c) ? '#8a5a00' : INK;
      g.fillText(`${shorten(input.colLabels[c])}${flagged.has(c) ? ' ?' : ''}`, 0, 0);
      g.restore();
    }
    drawGroups(g, l);
    legend(g, l, colours, lo, hi);
    this.mark(this.marks);
  }

  /** Moves the marks' boxes; the cells are left alone. */
  mark(marks: HeatmapMarks): void {
    this.marks = marks;
    const l = this.layout;
    if (!l) return;
    const boxes = markBoxes(l, marks);
    for (const kind of MARK_KINDS) {
      const box = boxes[kind];
      const el = this.markEls[kind];
      el.hidden = box === null;
      if (!box) continue;
      // The border straddles the box's edges, as a canvas stroke of that width would.
      const half = box.width / 2;
      Object.assign(el.style, {
        width: `${box.w + box.width}px`,
        height: `${box.h + box.width}px`,
        borderWidth: `${box.width}px`,
        borderColor: box.colour,
        transform: `translate(${box.x - half}px, ${box.y - half}px)`,
      });
    }
  }

  /** The map with its measurement written above it, as a PNG. */
  png(): Promise<Blob | null> {
    const l = this.layout;
    if (!l || !this.input) return Promise.resolve(null);
    const out = document.createElement('canvas');
    const titleH = 28;
    out.width = Math.max(l.width, 600);
    out.height = l.height + titleH;
    const g = out.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, out.width, out.height);
    g.fillStyle = INK;
    g.font = FONT;
    g.textBaseline = 'middle';
    g.fillText(this.input.title, 8, titleH / 2, out.width - 16);
    g.drawImage(this.base, 0, titleH, l.width, l.height);
    return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
  }

  destroy(): void {
    this.overlay.removeEventListener('mousemove', this.move);
    this.overlay.removeEventListener('mouseleave', this.leave);
    this.overlay.removeEventListener('click', this.click);
    this.node.replaceChildren();
  }

  private hit(e: MouseEvent): HeatmapHit | null {
    if (!this.layout) return null;
    const box = this.overlay.getBoundingClientRect();
    return hitTest(this.layout, e.clientX - box.left, e.clientY - box.top);
  }

  private readonly move = (e: MouseEvent) => this.events.onHover?.(this.hit(e));
  private readonly leave = () => this.events.onHover?.(null);
  private readonly click = (e: MouseEvent) => {
    const h = this.hit(e);
    if (h) this.events.onClick?.(h);
  };
}

/** Sizes a canvas for the screen's pixel ratio, drawing in CSS pixels. */
function size(c: HTMLCanvasElement, w: number, h: number): void {
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  c.width = Math.round(w * dpr);
  c.height = Math.round(h * dpr);
  c.style.width = `${w}px`;
  c.style.height = `${h}px`;
  c.getContext('2d')?.setTransform(dpr, 0, 0, dpr, 0, 0);
}

/**
 * Column groups: a line in each gap between two groups, down the cells, and each group's label over a bracket
 * spanning its columns, in the band above the word labels.
 */
export function drawGroups(g: CanvasRenderingContext2D, l: HeatmapLayout): void {
  if (!l.groups.length) return;
  g.save();
  g.strokeStyle = INK;
  g.lineWidth = 2;
  for (const x of l.separators) {
    g.beginPath();
    g.moveTo(x, l.top - 4);
    g.lineTo(x, l.top + l.rows * l.cellH);
    g.stroke();
  }
  g.lineWidth = 1;
  g.fillStyle = INK;
  g.font = GROUP_FONT;
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  const bracketY = GROUP_BAND_HEIGHT - 4.5;
  for (const b of l.groups) {
    g.fillText(
      fitLabel(b.label, b.labelWidth, (s) => g.measureText(s).width),
      b.x,
      bracketY / 2,
    );
    g.beginPath();
    g.moveTo(b.x + 0.5, bracketY + 4);
    g.lineTo(b.x + 0.5, bracketY);
    g.lineTo(b.x + b.width - 0.5, bracketY);
    g.lineTo(b.x + b.width - 0.5, bracketY + 4);
    g.stroke();
  }
  g.restore();
}

function legend(g: CanvasRenderingContext2D, l: HeatmapLayout, colours: string[], lo: number, hi: number): void {
  const y = l.top + l.rows * l.cellH + 10;
  const w = Math.min(200, l.width - l.left - 8);
  for (let i = 0; i < w; i++) {
    g.fillStyle = colours[Math.round((i / (w - 1)) * (LUT_SIZE - 1))];
    g.fillRect(l.left + i, y, 1.5, 10);
  }
  g.fillStyle = INK;
  g.textBaseline = 'top';
  g.textAlign = 'left';
  g.fillText(fmt(lo), l.left, y + 12);
  g.textAlign = 'right';
  g.fillText(fmt(hi), l.left + w, y + 12);
  g.textAlign = 'left';
}
