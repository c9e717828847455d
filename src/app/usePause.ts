import { useEffect, useState } from 'react';
import { useTune } from '../store/tuneStore';

/**
 * True once no tune has been written for `ms`, and false again from the moment one is: when background work that
 * takes a core may start without running under a tune.
 */
export function usePause(ms: number): boolean {
  const writing = useTune((s) => s.streaming !== null);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    setPaused(false);
    if (writing) return;
    const timer = setTimeout(() => setPaused(true), ms);
    return () => clearTimeout(timer);
  }, [writing, ms]);
  return paused;
}
