import type { Rational } from './rational';

/** How a bar line closes and opens sections; rendered back to ABC by `barText`. */
export interface BarLine {
  readonly close: 'plain' | 'double' | 'final' | 'repeat';
  readonly openRepeat: boolean;
  /** Number of the volta ending that starts right after this bar line, if any. */
  readonly ending: number | null;
}

/**
 * One element of a melody line. Lengths are in eighth notes (L:1/8), the project's canonical unit;
 * inside a tuplet they are the written lengths, before the tuplet's scaling.
 */
export type MusicEvent =
  | { readonly kind: 'note'; readonly pitch: string; readonly length: Rational; readonly tie: boolean }
  | { readonly kind: 'rest'; readonly length: Rational }
  | { readonly kind: 'bar'; readonly bar: BarLine }
  | { readonly kind: 'tuplet'; readonly p: 2 | 3 | 4 };

export function barText(bar: BarLine): string {
  let text: string;
  if (bar.close === 'repeat') text = bar.openRepeat ? '::' : ':|';
  else if (bar.openRepeat) text = '|:';
  else text = bar.close === 'plain' ? '|' : bar.close === 'double' ? '||' : '|]';
  return bar.ending === null ? text : `${text}${bar.ending}`;
}

/** Tuplet (p notes in the time of q), with ABC's defaults for q. */
export const TUPLET_TIME: Record<2 | 3 | 4, number> = { 2: 3, 3: 2, 4: 3 };
