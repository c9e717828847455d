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
  useEffect(() => drawBarChart(node.current!, items, { title, format, width }), [items, title, format, width]);
  return <div ref={node} className="bar-chart-wrap" data-testid={testId} />;
}
