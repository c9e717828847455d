import { useEffect, useRef } from 'react';
import type { KioskConfig } from './kioskConfig';
import { useIdleReset } from './useIdleReset';

/** The idle reset's visible side: the countdown the visitor can stop, and what happened when it ran. */
export function IdleCountdown({ config }: { readonly config: KioskConfig }) {
  const { state, stillHere: onStillHere } = useIdleReset(config);
  const button = useRef<HTMLButtonElement>(null);
  const warning = state.kind === 'warning';
  useEffect(() => {
    if (warning) button.current?.focus();
  }, [warning]);
  if (state.kind === 'warning') {
    return (
      <div
        className="idle-countdown"
        role="alertdialog"
        aria-modal="false"
        aria-labelledby="idle-countdown-title"
        aria-describedby="idle-countdown-text"
      >
        <h2 id="idle-countdown-title">Still there?</h2>
        <p id="idle-countdown-text">
          The page resets for the next person in <strong data-testid="idle-seconds-left">{state.secondsLeft}</strong>{' '}
          {state.secondsLeft === 1 ? 'second' : 'seconds'}: your tunes, journal and settings will be erased.
        </p>
        <button type="button" ref={button} onClick={onStillHere}>
          I&apos;m still here
        </button>
      </div>
    );
  }
  if (state.kind === 'done') {
    return (
      <p className="idle-status hint" role="status">
        Reset after a quiet spell: ready for the next person.
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="idle-status error" role="alert">
        The idle reset did not finish: {state.message}
      </p>
    );
  }
  return null;
}
