/** Key signatures and modes: parsing ABC K: fields and the accidentals each key implies. */

export type Mode = 'maj' | 'min' | 'dor' | 'mix' | 'lyd' | 'phr' | 'loc';
export const MODES: readonly Mode[] = ['maj', 'min', 'dor', 'mix', 'lyd', 'phr', 'loc'];

export const MODE_WORDS: Record<Mode, string> = {
  maj: 'major',
  min: 'minor',
  dor: 'dorian',
  mix: 'mixolydian',
  lyd: 'lydian',
  phr: 'phrygian',
  loc: 'locrian',
};

export interface Key {
  /** Upper-case tonic letter with optional # or b, e.g. "F#", "Bb". */
  readonly tonic: string;
  readonly mode: Mode;
}

const MODE_ALIASES: Record<string, Mode> = {
  '': 'maj',
  maj: 'maj',
  major: 'maj',
  ion: 'maj',
  ionian: 'maj',
  m: 'min',
  min: 'min',
  minor: 'min',
  aeo: 'min',
  aeolian: 'min',
  dor: 'dor',
  dorian: 'dor',
  mix: 'mix',
  mixolydian: 'mix',
  lyd: 'lyd',
  lydian: 'lyd',
  phr: 'phr',
  phrygian: 'phr',
  loc: 'loc',
  locrian: 'loc',
};

// Position of each mode's tonic relative to its relative major, in fifths.
const MODE_FIFTH_OFFSET: Record<Mode, number> = { lyd: 1, maj: 0, mix: -1, dor: -2, min: -3, phr: -4, loc: -5 };
const LETTER_FIFTHS: Record<string, number> = { F: -1, C: 0, G: 1, D: 2, A: 3, E: 4, B: 5 };
const SHARP_ORDER = 'FCGDAEB';
const FLAT_ORDER = 'BEADGCF';

/** Parses the value of a K: field. Returns null for keys this project does not model (pipes, "none", explicit accidentals). */
export function parseKey(field: string): Key | null {
  const text = field
    .replace(/\bclef=\S+/gi, '')
    .replace(/%.*/, '')
    .trim();
  const m = /^([A-Ga-g])([#b]?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) return null;
  const word = m[3].toLowerCase();
  const mode = MODE_ALIASES[word] ?? MODE_ALIASES[word.slice(0, 3)];
  if (!mode) return null;
  const key = { tonic: m[1].toUpperCase() + m[2], mode };
  return fifthsOf(key) === null ? null : key;
}

/** Number of sharps (positive) or flats (negative) in the signature, or null if beyond seven. */
export function fifthsOf(key: Key): number | null {
  const shift = key.tonic.endsWith('#') ? 7 : key.tonic.endsWith('b') ? -7 : 0;
  const fifths = LETTER_FIFTHS[key.tonic[0]] + shift + MODE_FIFTH_OFFSET[key.mode];
  return Math.abs(fifths) <= 7 ? fifths : null;
}

/** Signature accidental (+1 sharp, -1 flat, 0) for each natural letter A-G. */
export function signatureAccidentals(key: Key): Record<string, number> {
  const fifths = fifthsOf(key) ?? 0;
  const acc: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 };
  for (let i = 0; i < Math.abs(fifths); i++) {
    acc[(fifths > 0 ? SHARP_ORDER : FLAT_ORDER)[i]] = fifths > 0 ? 1 : -1;
  }
  return acc;
}

export const keyToken = (key: Key): string => `K:${key.tonic}${key.mode}`;

export function keyFromToken(token: string): Key | null {
  const m = /^K:([A-G][#b]?)(maj|min|dor|mix|lyd|phr|loc)$/.exec(token);
  return m ? { tonic: m[1], mode: m[2] as Mode } : null;
}

/** Pitch class (0 = C) of the tonic. */
export function tonicPitchClass(key: Key): number {
  const base: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
  const shift = key.tonic.endsWith('#') ? 1 : key.tonic.endsWith('b') ? -1 : 0;
  return (base[key.tonic[0]] + shift + 12) % 12;
}
