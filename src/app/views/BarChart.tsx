import { useEffect, useRef } from 'react';
import { drawBarChart, type BarChartOptions, type BarItem } from '../../vis/barChart';

interface Props extends Omit<BarChartOptions, 'width'> {
  readonly items: readonly BarItem[];
  readonly width?: number;
  readonly testId?: string;
}

/** Mounts the d3 bar chart of vis/barChart.ts. */
export function BarChart({ items, title, format, width = 420, testId }: Props) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Never wider than the space it is given (a phone screen), so the labels stay at a readable size.
    const fit = Math.min(width, node.current!.clientWidth || width);
    drawBarChart(node.current!, items, { title, format, width: fit });
  }, [items, title, format, width]);
  return <div ref={node} className="bar-chart-wrap" data-testid={testId} />;
}
