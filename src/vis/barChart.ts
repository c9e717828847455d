import { scaleBand, scaleLinear, select } from 'd3';

export interface BarItem {
  readonly label: string;
  readonly value: number | null;
  /** Drawn with a "?" after the label: a word the vocabulary does not know. */
  readonly flagged?: boolean;
  /** Drawn highlighted: e.g. a word where two methods disagree most. */
  readonly marked?: boolean;
}

export interface BarChartOptions {
  /** The measurement, read by screen readers as the chart's name. */
  readonly title: string;
  readonly width: number;
  readonly format?: (v: number) => string;
}

const ROW = 24;
const LABEL_W = 120;
const VALUE_W = 64;

/** Horizontal bars from a zero line (negative values to the left), one row per item, drawn as SVG with d3. */
export function drawBarChart(node: HTMLElement, items: readonly BarItem[], opts: BarChartOptions): void {
  const format = opts.format ?? ((v: number) => v.toPrecision(3));
  const values = items.map((d) => d.value ?? 0);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const height = items.length * ROW + 8;
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([LABEL_W, Math.max(LABEL_W + 40, opts.width - VALUE_W)]);
  const y = scaleBand<number>()
    .domain(items.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.2);
  const svg = select(node)
    .selectAll<SVGSVGElement, null>('svg')
    .data([null])
    .join('svg')
    .attr('class', 'bar-chart')
    .attr('width', opts.width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', opts.title);
  const row = svg
    .selectAll<SVGGElement, BarItem>('g.bar-row')
    .data(items)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'bar-row');
      g.append('text').attr('class', 'bar-label');
      g.append('rect');
      g.append('text').attr('class', 'bar-value');
      return g;
    })
    .attr('class', (d) => `bar-row${d.marked ? ' marked' : ''}${d.flagged ? ' flagged' : ''}`)
    .attr('transform', (_, i) => `translate(0, ${y(i)})`);
  const bandH = y.bandwidth();
  row
    .select('text.bar-label')
    .attr('x', LABEL_W - 6)
    .attr('y', bandH / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text(
      (d) =>
        `${d.marked ? '≠ ' : ''}${d.label.length > 16 ? `${d.label.slice(0, 15)}…` : d.label}${d.flagged ? ' ?' : ''}`,
    );
  row
    .select('rect')
    .attr('x', (d) => x(Math.min(0, d.value ?? 0)))
    .attr('width', (d) => Math.abs(x(d.value ?? 0) - x(0)))
    .attr('height', bandH)
    .attr('class', (d) => ((d.value ?? 0) < 0 ? 'neg' : 'pos'));
  row
    .select('text.bar-value')
    .attr('x', opts.width - VALUE_W + 4)
    .attr('y', bandH / 2)
    .attr('dy', '0.35em')
    .text((d) => (d.value === null ? '—' : format(d.value)));
  svg
    .selectAll('line.zero')
    .data([null])
    .join('line')
    .attr('class', 'zero')
    .attr('x1', x(0))
    .attr('x2', x(0))
    .attr('y1', 0)
    .attr('y2', height);
}
