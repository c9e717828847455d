import { useEffect, useMemo, useRef } from 'react';
import type { ReplayStep } from '../../study/replay/replay';
import { LANES, taskBands, timelineMarks } from '../../study/replay/timelineData';
import { drawTimeline } from '../../vis/timeline';

interface Props {
  readonly steps: readonly ReplayStep[];
  readonly current: number;
  readonly onPick: (index: number) => void;
}

/** Mounts the d3 timeline (vis/timeline.ts draws it) and redraws it when the step moves. */
export function Timeline({ steps, current, onPick }: Props) {
  const node = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  const marks = useMemo(() => timelineMarks(steps), [steps]);
  const bands = useMemo(() => taskBands(steps), [steps]);
  useEffect(() => {
    pick.current = onPick;
  });
  useEffect(() => {
    const el = node.current!;
    const draw = () =>
      drawTimeline(el, marks, bands, {
        width: el.clientWidth || 900,
        lanes: LANES,
        current,
        onPick: (i) => pick.current(i),
      });
    draw();
    const resize = new ResizeObserver(draw);
    resize.observe(el);
    return () => resize.disconnect();
  }, [marks, bands, current]);
  return <div ref={node} className="timeline-host" />;
}
