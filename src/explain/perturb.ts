/** Prompt perturbations: leave a word out, replace one, or reorder. Pure over word lists. */

export type PerturbationKind = 'leave-out' | 'replace' | 'swap' | 'reverse';

export interface Perturbation {
  readonly kind: PerturbationKind;
  /** The perturbed prompt's words (may be empty: the model then reads the <none> prompt). */
  readonly words: readonly string[];
  /** Positions in the original prompt that changed (0-based). */
  readonly positions: readonly number[];
  /** What changed, for a label: "without 'jig'", "'major' -> 'minor'", "'jig' and 'reel' swapped". */
  readonly description: string;
}

/**
 * Words worth trying in place of a prompt word: same kind of word, different musical meaning. Kept small
 * and musical on purpose; `replacements` drops any word the vocabulary does not know.
 */
export const SWAP_TABLE: Readonly<Record<string, readonly string[]>> = {
  major: ['minor', 'dorian', 'mixolydian'],
  minor: ['major', 'dorian'],
  dorian: ['mixolydian', 'minor'],
  mixolydian: ['dorian', 'major'],
  jig: ['reel', 'hornpipe'],
  reel: ['jig', 'hornpipe', 'strathspey'],
  hornpipe: ['reel', 'jig'],
  strathspey: ['reel'],
  slide: ['jig', 'polka'],
  polka: ['slide', 'march'],
  march: ['waltz', 'polka'],
  waltz: ['march', 'air'],
  air: ['reel', 'waltz'],
  slow: ['lively', 'fast'],
  lively: ['slow'],
  fast: ['slow'],
  quick: ['slow'],
  brisk: ['slow'],
  moderate: ['slow', 'lively'],
  irish: ['scottish'],
  scottish: ['irish'],
  welsh: ['irish'],
  american: ['irish'],
  sharp: ['flat'],
  flat: ['sharp'],
  '6/8': ['9/8', '4/4'],
  '9/8': ['6/8'],
  '4/4': ['6/8', '3/4'],
  '3/4': ['4/4'],
  '2/4': ['6/8'],
};

/** Key letters swap only where they name a key ("in d", "d major"), not the article "a". */
export const KEY_SWAPS: Readonly<Record<string, readonly string[]>> = {
  c: ['g'],
  d: ['g', 'a'],
  e: ['a'],
  f: ['c'],
  g: ['d'],
  a: ['d', 'e'],
  b: ['e'],
};
const KEY_FOLLOWERS = new Set(['major', 'minor', 'dorian', 'mixolydian', 'sharp', 'flat']);

const occurrence = (words: readonly string[], i: number): string =>
  words.filter((w) => w === words[i]).length > 1 ? ` (word ${i + 1})` : '';

/** One prompt per word with that word left out; a one-word prompt gives the empty prompt. */
export function leaveOneOut(words: readonly string[]): Perturbation[] {
  return words.map((w, i) => ({
    kind: 'leave-out',
    words: words.filter((_, j) => j !== i),
    positions: [i],
    description: `without '${w}'${occurrence(words, i)}${words.length === 1 ? ' (empty prompt)' : ''}`,
  }));
}

/** Swap-table replacements of each word, keeping only replacement words that `knows` accepts. */
export function replacements(
  words: readonly string[],
  knows: (word: string) => boolean,
  table: Readonly<Record<string, readonly string[]>> = SWAP_TABLE,
): Perturbation[] {
  const out: Perturbation[] = [];
  words.forEach((w, i) => {
    const namesKey = KEY_FOLLOWERS.has(words[i + 1]) || words[i - 1] === 'in';
    const options = [
      ...(Object.hasOwn(table, w) ? table[w] : []),
      ...(namesKey && Object.hasOwn(KEY_SWAPS, w) ? KEY_SWAPS[w] : []),
    ];
    for (const r of new Set(options)) {
      if (r === w || !knows(r)) continue;
      out.push(replaceWord(words, i, r));
    }
  });
  return out;
}

export function replaceWord(words: readonly string[], i: number, replacement: string): Perturbation {
  return {
    kind: 'replace',
    words: words.map((w, j) => (j === i ? replacement : w)),
    positions: [i],
    description: `'${words[i]}'${occurrence(words, i)} -> '${replacement}'`,
  };
}

/** Two words trade places; null when that changes nothing (same position or the same word). */
export function swapWords(words: readonly string[], i: number, j: number): Perturbation | null {
  if (i === j || words[i] === words[j] || i < 0 || j < 0 || i >= words.length || j >= words.length) return null;
  const out = [...words];
  [out[i], out[j]] = [out[j], out[i]];
  return {
    kind: 'swap',
    words: out,
    positions: [Math.min(i, j), Math.max(i, j)],
    description: `'${words[i]}' and '${words[j]}' swapped`,
  };
}

/** The words in reverse order; null when that changes nothing (fewer than two words, or a palindrome). */
export function reverseWords(words: readonly string[]): Perturbation | null {
  const out = [...words].reverse();
  if (out.every((w, i) => w === words[i])) return null;
  const positions = words.map((_, i) => i).filter((i) => out[i] !== words[i]);
  return { kind: 'reverse', words: out, positions, description: 'words in reverse order' };
}

/** Every neighbouring pair swapped, each once. */
export function adjacentSwaps(words: readonly string[]): Perturbation[] {
  const out: Perturbation[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const p = swapWords(words, i, i + 1);
    if (p) out.push(p);
  }
  return out;
}
