import { promptWords } from './textTokens';

const MODE_SPELLED: Record<string, string> = {
  m: 'minor',
  maj: 'major',
  major: 'major',
  min: 'minor',
  minor: 'minor',
  dor: 'dorian',
  dorian: 'dorian',
  mix: 'mixolydian',
  mixolydian: 'mixolydian',
  lyd: 'lydian',
  lydian: 'lydian',
  phr: 'phrygian',
  phrygian: 'phrygian',
  loc: 'locrian',
  locrian: 'locrian',
};
/** A key glued into one word: "dmajor", "ebmin", "fsharpm", "gdorian". */
const GLUED_KEY = /^([a-g])(b|sharp|flat)?([a-z]+)$/;

/** "dmajor" → "d major", "ebmin" → "e flat minor", when every word of the spelling is known. */
function spelledKey(word: string, knows: (w: string) => boolean): string | null {
  const m = GLUED_KEY.exec(word);
  const mode = m && MODE_SPELLED[m[3]];
  if (!m || !mode) return null;
  const accidental = m[2] === 'b' || m[2] === 'flat' ? 'flat' : m[2] === 'sharp' ? 'sharp' : null;
  const words = [m[1], ...(accidental ? [accidental] : []), mode];
  return words.every(knows) ? words.join(' ') : null;
}

/** Edit distance with adjacent swaps (optimal string alignment), given up past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
    }
    if (Math.min(...row) > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Known words near an unknown one, best first: the spelled-out key for a glued key abbreviation, then
 * vocabulary words one edit away (two for words of six letters or more). Empty when there are none.
 */
export function suggestWords(
  word: string,
  vocabulary: readonly string[],
  knows: (w: string) => boolean,
  limit = 3,
): string[] {
  const key = spelledKey(word, knows);
  const max = word.length >= 6 ? 2 : 1;
  const near = vocabulary
    .filter((w) => knows(w) && w !== word && !w.includes('/'))
    .map((w) => ({ w, d: editDistance(word, w, max) }))
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d || x.w.localeCompare(y.w))
    .map((x) => x.w);
  return [...new Set([...(key ? [key] : []), ...near])].slice(0, limit);
}

/**
 * The prompt with the first typed word that reads as `word` replaced by `replacement`; the rest of the text is
 * kept as typed. Unchanged when no typed word reads as `word`.
 */
export function replaceWord(prompt: string, word: string, replacement: string): string {
  for (const m of prompt.matchAll(/[\p{L}\p{N}/'’#♯♭]+/gu)) {
    if (promptWords(m[0]).join(' ') === word)
      return prompt.slice(0, m.index) + replacement + prompt.slice(m.index + m[0].length);
  }
  return prompt;
}
