import { meterFromToken } from '../music/meter';
import { parseLength } from '../music/rational';
import { BAR_TOKEN, LENGTH_TOKEN, PITCH_TOKEN } from './musicTokens';

/** Twelfths of the unit length L:1/8: fine enough for halves, quarters and triplets. */
const UNITS_PER_L = 12;
/** Codes of the decoder's `beats` input (docs/model-contract.md). */
export const BEAT_UNKNOWN = 0;
export const BEAT_MAX_REMAINING = 144;
export const BEAT_OVERFULL = BEAT_MAX_REMAINING + 2;
/** Size of the model's bar-position embedding table. */
export const BEAT_VOCAB = 160;

/**
 * Follows a token stream and reports, after each token, the room left in the current bar. The decoder reads it,
 * so the model can count bars itself. A note counts at length 1 until its length token arrives, as the stream
 * has not said more yet.
 */
export class BarClock {
  private barUnits: number | null = null;
  private filled = 0;
  private tupletLeft = 0;
  private tupletScale = 1;
  /** Scale of the last note or rest, for the length token that may follow it. */
  private noteScale = 1;

  /** Moves past one token and returns its `beats` code. */
  push(token: string): number {
    if (token.startsWith('M:')) {
      const m = meterFromToken(token);
      this.barUnits = m ? (8 * m.num * UNITS_PER_L) / m.den : null;
    } else if (PITCH_TOKEN.test(token) || token === 'z') {
      this.noteScale = this.tupletLeft > 0 ? this.tupletScale : 1;
      if (this.tupletLeft > 0 && --this.tupletLeft === 0) this.tupletScale = 1;
      this.filled += UNITS_PER_L * this.noteScale;
    } else if (LENGTH_TOKEN.test(token)) {
      const len = parseLength(token);
      if (len) this.filled += UNITS_PER_L * this.noteScale * (len.n / len.d - 1);
    } else if (/^\([234]$/.test(token)) {
      const p = Number(token[1]);
      this.tupletScale = (p === 3 ? 2 : 3) / p;
      this.tupletLeft = p;
    } else if (BAR_TOKEN.test(token)) {
      this.filled = 0;
    }
    return this.code();
  }

  private code(): number {
    if (this.barUnits === null) return BEAT_UNKNOWN;
    const remaining = Math.floor(this.barUnits - this.filled + 1e-9);
    if (remaining < 0) return BEAT_OVERFULL;
    return 1 + Math.min(remaining, BEAT_MAX_REMAINING);
  }
}

/** `beats` codes for a whole token list (the first usually `<s>`). */
export function barPositions(tokens: readonly string[]): Int32Array {
  const clock = new BarClock();
  return Int32Array.from(tokens, (t) => clock.push(t));
}
