/**
 * How often the score of a tune being written is redrawn. Each redraw engraves the whole tune so far on the main
 * thread (abcjs, then layout and paint of its SVG). Redrawn at every animation frame, that work took a core's
 * share from the model worker on a 2-core machine and slowed its decode steps, more as the tune grew; a person
 * reading along needs far fewer redraws than 60 a second. e2e/generate.spec.ts checks the gaps between redraws.
 */

/** The shortest gap between two redraws while a tune is being written. */
export const MIN_REDRAW_GAP_MS = 100;
/** A redraw may take at most 1 / REDRAW_SHARE_INVERSE of the time, so a long tune on a slow machine redraws less often. */
export const REDRAW_SHARE_INVERSE = 4;

/** The gap after a redraw that took `lastDrawMs` before the next may start. */
export function redrawGapMs(lastDrawMs: number): number {
  const cost = Number.isFinite(lastDrawMs) && lastDrawMs > 0 ? lastDrawMs : 0;
  return Math.max(MIN_REDRAW_GAP_MS, REDRAW_SHARE_INVERSE * cost);
}

/** How long to wait from `now` before drawing again, given when the last redraw started and what it cost. */
export function redrawWaitMs(now: number, lastDrawAt: number | null, lastDrawMs: number): number {
  if (lastDrawAt === null) return 0;
  return Math.max(0, lastDrawAt + redrawGapMs(lastDrawMs) - now);
}
