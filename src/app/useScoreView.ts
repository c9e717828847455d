import { useEffect, useRef } from 'react';
import { ScoreView, type ScoreClick } from '../vis/scoreView';

/**
 * Mounts an abcjs score view on the returned node for as long as the component lives, draws `abc` whenever it
 * changes, and sends clicks to the latest `onClick` (kept in a ref, so a new handler does not redraw the score).
 * `onDrawn` hears how long each drawing took.
 */
export function useScoreView(abc: string, onClick?: (click: ScoreClick) => void, onDrawn?: (ms: number) => void) {
  const node = useRef<HTMLDivElement>(null);
  const view = useRef<ScoreView | null>(null);
  const click = useRef(onClick);
  const drawn = useRef(onDrawn);
  useEffect(() => {
    click.current = onClick;
    drawn.current = onDrawn;
  });
  useEffect(() => {
    const v = new ScoreView(node.current!, (c) => click.current?.(c));
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);
  useEffect(() => {
    if (!view.current) return;
    const started = performance.now();
    view.current.render(abc);
    drawn.current?.(performance.now() - started);
  }, [abc]);
  return { node, view };
}
