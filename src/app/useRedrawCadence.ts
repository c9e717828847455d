import { useCallback, useEffect, useRef, useState } from 'react';
import { redrawWaitMs } from './redrawCadence';

/**
 * Follows `value` at the redraw cadence while `live` (a tune being written), and at once otherwise, so the
 * finished tune is drawn without delay. `drawn(ms)` reports what the last redraw cost, which stretches the gap.
 */
export function useRedrawCadence<T>(
  value: T,
  live: boolean,
): { readonly shown: T; readonly drawn: (ms: number) => void } {
  const [shown, setShown] = useState(value);
  const [wasLive, setWasLive] = useState(live);
  // A tune that starts being written shows its first tokens in the same render, not the last tune's leftovers.
  if (live !== wasLive) {
    setWasLive(live);
    setShown(value);
  }
  const latest = useRef(value);
  const lastDrawAt = useRef<number | null>(null);
  const lastDrawMs = useRef(0);
  useEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    if (!live) {
      lastDrawAt.current = null;
      return;
    }
    const show = () => {
      lastDrawAt.current = performance.now();
      setShown(latest.current);
    };
    const wait = redrawWaitMs(performance.now(), lastDrawAt.current, lastDrawMs.current);
    if (wait === 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, live]);
  const drawn = useCallback((ms: number) => {
    lastDrawMs.current = ms;
  }, []);
  return { shown: live ? shown : value, drawn };
}
