import { fifthsOf, keyFromToken, keyToken, signatureAccidentals, type Key, type Mode } from './key';
import { PITCH_TOKEN } from '../tokenizer/musicTokens';

const LETTERS = 'CDEFGAB';
const ACCIDENTAL_VALUE: Record<string, number> = { '^^': 2, '^': 1, '=': 0, _: -1, __: -2 };
const ACCIDENTAL_TEXT: Record<number, string> = { 2: '^^', 1: '^', 0: '=', [-1]: '_', [-2]: '__' };
const MODE_FIFTH_OFFSET: Record<Mode, number> = { lyd: 1, maj: 0, mix: -1, dor: -2, min: -3, phr: -4, loc: -5 };
const FIFTHS_ORDER = 'FCGDAEB';

/** The key of a mode whose signature has `fifths` sharps (or flats when negative). */
export function keyWithSignature(fifths: number, mode: Mode): Key {
  const p = fifths - MODE_FIFTH_OFFSET[mode] + 1; // position of the tonic on the line of fifths, F = 0
  const letter = FIFTHS_ORDER[((p % 7) + 7) % 7];
  const shift = Math.floor(p / 7);
  return { tonic: letter + (shift > 0 ? '#' : shift < 0 ? 'b' : ''), mode };
}

/** Diatonic step number of a written pitch: C (middle C) = 0, c = 7, C, = -7. */
function stepOf(letter: string, marks: string): number {
  const upper = letter.toUpperCase();
  const octave = (letter === upper ? 0 : 1) + (marks.match(/'/g)?.length ?? 0) - (marks.match(/,/g)?.length ?? 0);
  return octave * 7 + LETTERS.indexOf(upper);
}

function pitchText(step: number): string {
  const octave = Math.floor(step / 7);
  const letter = LETTERS[step - octave * 7];
  if (octave <= 0) return letter + ','.repeat(-octave);
  return letter.toLowerCase() + "'".repeat(octave - 1);
}

/**
 * Moves a tune's tokens to another tonic of the same mode, keeping every scale degree: unmarked notes stay
 * unmarked under the new signature, and a written accidental keeps its distance from the signature, so
 * accidentals carried through a bar still mean the same. Notes move by the smaller way round (at most a fourth).
 * Returns null when a note would need more than a double accidental.
 */
export function transposeTokens(tokens: readonly string[], to: Key): string[] | null {
  const from = keyFromToken(tokens[1] ?? '');
  if (!from || from.mode !== to.mode || fifthsOf(to) === null) return null;
  let shift = LETTERS.indexOf(to.tonic[0]) - LETTERS.indexOf(from.tonic[0]);
  if (shift > 3) shift -= 7;
  if (shift < -3) shift += 7;
  const oldSig = signatureAccidentals(from);
  const newSig = signatureAccidentals(to);
  const out: string[] = [];
  for (const [i, t] of tokens.entries()) {
    if (i === 1) {
      out.push(keyToken(to));
      continue;
    }
    const m = PITCH_TOKEN.exec(t);
    if (!m) {
      out.push(t);
      continue;
    }
    const step = stepOf(m[2], m[3]) + shift;
    const text = pitchText(step);
    if (!m[1]) {
      out.push(text);
      continue;
    }
    const oldLetter = m[2].toUpperCase();
    const newLetter = text[0].toUpperCase();
    const value = newSig[newLetter] + ACCIDENTAL_VALUE[m[1]] - oldSig[oldLetter];
    if (Math.abs(value) > 2) return null;
    out.push(ACCIDENTAL_TEXT[value] + text);
  }
  return out;
}
