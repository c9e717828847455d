/** Which perturbed prompts the perturbation view reads, from its settings. Pure over word lists. */
import type { PerturbationView } from '../../journal/journalViews';
import {
  adjacentSwaps,
  leaveOneOut,
  replacements,
  replaceWord,
  reverseWords,
  swapWords,
  type Perturbation,
} from '../../explain/perturb';
import { promptWords } from '../../tokenizer/textTokens';

export interface PerturbationChoice {
  readonly perturbations: Perturbation[];
  /** Why there is nothing to read, in words for the panel. */
  readonly problem: string | null;
  /** A remark the reading needs (a one-word prompt, an unknown replacement). */
  readonly note: string | null;
}

const none = (problem: string): PerturbationChoice => ({ perturbations: [], problem, note: null });

/** Suggested replacements for the word at `position`: the swap table, filtered to words the model knows. */
export function suggestionsAt(words: readonly string[], position: number, knows: (w: string) => boolean): string[] {
  return replacements(words, knows)
    .filter((p) => p.positions[0] === position)
    .map((p) => p.words[position]);
}

export function buildPerturbations(
  words: readonly string[],
  view: PerturbationView,
  knows: (w: string) => boolean,
): PerturbationChoice {
  if (words.length === 0) return none('The prompt has no words: there is nothing to leave out, replace or reorder.');
  if (view.mode === 'leave-out') {
    const note =
      words.length === 1
        ? `One word: leaving '${words[0]}' out compares the tune under '${words[0]}' with the empty prompt (<none>).`
        : null;
    return { perturbations: leaveOneOut(words), problem: null, note };
  }
  if (view.mode === 'replace') {
    const position = Math.min(view.position, words.length - 1);
    const typed = promptWords(view.replacement);
    if (view.replacement.trim() === '') return none('Choose a suggested word or type a replacement.');
    if (typed.length === 0) return none('The replacement has no letters or digits, so the model would read no word.');
    if (typed.length > 1) return none('Type one word: a replacement takes the place of one word.');
    const [w] = typed;
    if (w === words[position]) return none(`'${w}' is the word already there.`);
    const note = knows(w) ? null : `'${w}' is not in the vocabulary: the model reads it as <unk>.`;
    return { perturbations: [replaceWord(words, position, w)], problem: null, note };
  }
  if (words.length < 2) return none('Reordering needs at least two words.');
  if (view.reorder === 'adjacent') {
    const swaps = adjacentSwaps(words);
    return swaps.length
      ? { perturbations: swaps, problem: null, note: null }
      : none('Swapping neighbours changes nothing: every word is the same.');
  }
  if (view.reorder === 'reverse') {
    const r = reverseWords(words);
    return r ? { perturbations: [r], problem: null, note: null } : none('Reversing changes nothing here.');
  }
  const s = swapWords(words, view.position, view.swapWith);
  return s ? { perturbations: [s], problem: null, note: null } : none('Choose two different words to swap.');
}

/** Words of a prompt the vocabulary does not know (read as <unk>). */
export const unknownIn = (words: readonly string[], knows: (w: string) => boolean): string[] => [
  ...new Set(words.filter((w) => !knows(w))),
];
