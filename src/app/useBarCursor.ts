import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ScoreView } from '../vis/scoreView';
import { barAfterKey } from './barKeys';

/** What a score needs to be read bar by bar from the keyboard. */
export interface BarKeys {
  /** Note ordinals of each bar, in order. */
  readonly bars: readonly (readonly number[])[];
  /** The bar as the user reads it, e.g. "Bar 0". */
  readonly name: (bar: number) => string;
  /** Enter or Space on a bar. */
  readonly choose: (bar: number) => void;
  /** The bar selected now: the cursor starts there and follows it. */
  readonly selected: number | null;
}

/**
 * A keyboard cursor over the bars of a score: the score is one Tab stop, arrow keys (and Home, End) move a
 * frame from bar to bar, and Enter or Space chooses the bar. `status` names the bar for a live region.
 */
export function useBarCursor(view: RefObject<ScoreView | null>, keys: BarKeys | undefined, abc: string) {
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const hintId = useId();
  const count = keys?.bars.length ?? 0;
  const selected = keys?.selected ?? null;
  const current = active !== null && active < count ? active : null;
  const frame = focused && current !== null ? keys!.bars[current] : null;

  useEffect(() => {
    if (selected !== null) setActive(selected);
  }, [selected]);
  useEffect(() => {
    view.current?.cursor(frame ?? []);
    if (frame?.length) view.current?.reveal(frame[0]);
  }, [view, frame, abc]);

  if (!keys) return { props: {}, hintId, status: '' };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (current !== null) keys.choose(current);
      return;
    }
    const next = barAfterKey(e.key, current, count);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
  };
  const props = {
    tabIndex: 0,
    role: 'group',
    'aria-describedby': hintId,
    onKeyDown,
    onFocus: () => {
      setFocused(true);
      if (current === null && count) setActive(selected ?? 0);
    },
    onBlur: () => setFocused(false),
  };
  const status = focused && current !== null ? `${keys.name(current)}${current === selected ? ', selected' : ''}` : '';
  return { props, hintId, status };
}
