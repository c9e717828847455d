/**
 * A session's timeline as SVG, drawn with d3: one lane per kind of action, one mark per event at its wall
 * time, tasks as bands behind, and a line at the step on show. Clicking a mark asks for that step.
 */
import { scaleLinear, select } from 'd3';

export interface TimelineMark {
  readonly index: number;
  readonly time: number;
  readonly lane: string;
  readonly label: string;
}

export interface TimelineBand {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export interface TimelineOptions {
  readonly width: number;
  readonly lanes: readonly string[];
  readonly current: number;
  readonly onPick: (index: number) => void;
}

const LANE_H = 18;
const LABEL_W = 96;
const TOP = 16;

export function drawTimeline(
  node: HTMLElement,
  marks: readonly TimelineMark[],
  bands: readonly TimelineBand[],
  opts: TimelineOptions,
): void {
  const t0 = marks[0]?.time ?? 0;
  const t1 = marks.at(-1)?.time ?? t0 + 1;
  const x = scaleLinear()
    .domain([t0, t1 > t0 ? t1 : t0 + 1])
    .range([LABEL_W, Math.max(LABEL_W + 100, opts.width - 10)]);
  const laneY = (lane: string) => TOP + Math.max(0, opts.lanes.indexOf(lane)) * LANE_H;
  const height = TOP + opts.lanes.length * LANE_H + 4;
  const svg = select(node)
    .selectAll<SVGSVGElement, null>('svg')
    .data([null])
    .join('svg')
    .attr('class', 'timeline')
    .attr('width', opts.width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', `Timeline of ${marks.length} events`);

  svg
    .selectAll<SVGRectElement, TimelineBand>('rect.timeline-band')
    .data(bands)
    .join('rect')
    .attr('class', 'timeline-band')
    .attr('x', (b) => x(b.from))
    .attr('width', (b) => Math.max(2, x(b.to) - x(b.from)))
    .attr('y', 0)
    .attr('height', height);
  svg
    .selectAll<SVGTextElement, TimelineBand>('text.timeline-band-label')
    .data(bands)
    .join('text')
    .attr('class', 'timeline-band-label')
    .attr('x', (b) => x(b.from) + 3)
    .attr('y', 11)
    .text((b) => b.label);
  svg
    .selectAll<SVGTextElement, string>('text.timeline-lane')
    .data(opts.lanes)
    .join('text')
    .attr('class', 'timeline-lane')
    .attr('x', 4)
    .attr('y', (l) => laneY(l) + LANE_H - 5)
    .text((l) => l);

  const mark = svg
    .selectAll<SVGRectElement, TimelineMark>('rect.timeline-mark')
    .data(marks, (m) => String(m.index))
    .join((enter) => {
      const r = enter.append('rect').attr('class', 'timeline-mark');
      r.append('title');
      return r;
    })
    .attr('x', (m) => x(m.time) - 2)
    .attr('y', (m) => laneY(m.lane) + 3)
    .attr('width', 4)
    .attr('height', LANE_H - 6)
    .classed('current', (m) => m.index === opts.current)
    .on('click', (_, m) => opts.onPick(m.index));
  mark.select('title').text((m) => m.label);

  const now = marks[opts.current];
  svg
    .selectAll<SVGLineElement, TimelineMark>('line.timeline-now')
    .data(now ? [now] : [])
    .join('line')
    .attr('class', 'timeline-now')
    .attr('x1', (m) => x(m.time))
    .attr('x2', (m) => x(m.time))
    .attr('y1', TOP - 4)
    .attr('y2', height);
}
