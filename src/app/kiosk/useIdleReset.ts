import { useCallback, useEffect, useRef, useState } from 'react';
import { useHistory } from '../../store/historyStore';
import { useJournal } from '../../store/journalStore';
import { useTune } from '../../store/tuneStore';
import { resetWorkbench } from '../resetService';
import { idlePhase, type IdlePhase } from './idleClock';
import type { KioskConfig } from './kioskConfig';

/**
 * Presses, keys, wheels and touches. Not pointer moves: Chromium sends synthetic ones when the layout shifts under
 * a still mouse (as when the countdown appears), which would cancel the countdown with nobody there.
 */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const TICK_MS = 250;

/** Anything of this visitor's that a reset would erase. */
const visitorLeftSomething = () =>
  useHistory.getState().entries.length > 0 ||
  useJournal.getState().nodes.length > 0 ||
  useTune.getState().current !== null;

export type IdleResetState =
  IdlePhase | { readonly kind: 'done' } | { readonly kind: 'failed'; readonly message: string };

/**
 * The kiosk's idle reset: after `idleSeconds` with no activity a countdown of `warningSeconds` runs, which any
 * activity cancels; at its end the visitor's data is erased (resetWorkbench). A page with nothing to erase is
 * left alone, and a tune being written counts as activity.
 */
export function useIdleReset(config: KioskConfig): { state: IdleResetState; stillHere: () => void } {
  const [state, setState] = useState<IdleResetState>({ kind: 'active' });
  const lastActivity = useRef(Date.now());
  // Activity only moves the clock; the next tick hides the countdown. Hiding it on the press itself would pull
  // the button away before its click, so "I'm still here" would never be clicked.
  const touched = useCallback(() => {
    lastActivity.current = Date.now();
    // The next visitor's first touch clears the note that the page was reset.
    setState((s) => (s.kind === 'done' || s.kind === 'failed' ? { kind: 'active' } : s));
  }, []);
  const stillHere = useCallback(() => {
    lastActivity.current = Date.now();
    setState((s) => (s.kind === 'active' ? s : { kind: 'active' }));
  }, []);
  const { enabled, idleSeconds, warningSeconds } = config;

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    let resetting = false;
    const tick = () => {
      if (resetting) return;
      if (useTune.getState().streaming !== null || !visitorLeftSomething()) lastActivity.current = Date.now();
      const phase = idlePhase(Date.now(), lastActivity.current, { idleSeconds, warningSeconds });
      if (phase.kind !== 'reset') {
        setState((s) =>
          phase.kind === 'active' && (s.kind === 'done' || s.kind === 'failed' || s.kind === 'active') ? s : phase,
        );
        return;
      }
      resetting = true;
      resetWorkbench()
        .then(() => setState({ kind: 'done' }))
        .catch((e: unknown) => setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          resetting = false;
          lastActivity.current = Date.now();
        });
    };
    for (const name of ACTIVITY) window.addEventListener(name, touched, { capture: true, passive: true });
    const timer = window.setInterval(tick, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, touched, { capture: true });
    };
  }, [enabled, idleSeconds, warningSeconds, touched]);

  return { state, stillHere };
}
