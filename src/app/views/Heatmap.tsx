import { useEffect, useRef, type RefObject } from 'react';
import { Heatmap as HeatmapView, type HeatmapInput, type HeatmapMarks } from '../../vis/heatmap';
import type { HeatmapHit } from '../../vis/heatmapLayout';

interface Props {
  readonly input: HeatmapInput;
  readonly marks: HeatmapMarks;
  readonly onHover?: (hit: HeatmapHit | null) => void;
  readonly onClick?: (hit: HeatmapHit) => void;
  /** Receives the drawing, for the PNG export. */
  readonly viewRef?: RefObject<HeatmapView | null>;
  readonly testId: string;
  readonly label: string;
}

/** Mounts the canvas heatmap of vis/heatmap.ts; cells redraw when the data changes, marks on their own. */
export function Heatmap({ input, marks, onHover, onClick, viewRef, testId, label }: Props) {
  const node = useRef<HTMLDivElement>(null);
  const view = useRef<HeatmapView | null>(null);
  const handlers = useRef({ onHover, onClick });
  useEffect(() => {
    handlers.current = { onHover, onClick };
  });
  useEffect(() => {
    const v = new HeatmapView(node.current!, {
      onHover: (h) => handlers.current.onHover?.(h),
      onClick: (h) => handlers.current.onClick?.(h),
    });
    view.current = v;
    if (viewRef) viewRef.current = v;
    return () => {
      v.destroy();
      view.current = null;
      if (viewRef) viewRef.current = null;
    };
  }, [viewRef]);
  useEffect(() => {
    const el = node.current!;
    const draw = () => {
      view.current?.draw(input, Math.max(320, el.parentElement?.clientWidth ?? 640));
      const l = view.current?.currentLayout;
      // Geometry for tests and for anyone pointing at a row from outside the canvas.
      if (l) Object.assign(el.dataset, { left: l.left, top: l.top, cellW: l.cellW, cellH: l.cellH });
    };
    draw();
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    });
    if (el.parentElement) observer.observe(el.parentElement);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [input]);
  useEffect(() => view.current?.mark(marks), [marks, input]);
  return <div ref={node} className="heatmap" data-testid={testId} role="img" aria-label={label} />;
}
