/** abcjs options that size the score for the width it is drawn in. */
export interface ScoreLayout {
  readonly scale: number;
  readonly staffwidth?: number;
  readonly wrap?: { minSpacing: number; maxSpacing: number; preferredMeasuresPerLine: number };
}

/** Below this width the score wraps to more lines instead of shrinking with the screen. */
export const NARROW_SCORE_PX = 600;
const WIDE: ScoreLayout = { scale: 1.4 };
const NARROW_SCALE = 1;

/**
 * abcjs's `responsive: 'resize'` scales a score drawn for a 740-unit staff down to its container, which on a
 * phone leaves notes too small to read. A narrow container gets a staff as wide as itself at a readable
 * scale, with fewer bars on each line. A width of 0 (not laid out yet) counts as wide.
 */
export function scoreLayout(containerPx: number): ScoreLayout {
  if (containerPx <= 0 || containerPx >= NARROW_SCORE_PX) return WIDE;
  return {
    scale: NARROW_SCALE,
    // abcjs adds some room around the staff; keep the whole drawing within the container.
    staffwidth: Math.floor(containerPx / NARROW_SCALE) - 20,
    wrap: { minSpacing: 1.6, maxSpacing: 2.7, preferredMeasuresPerLine: 2 },
  };
}
