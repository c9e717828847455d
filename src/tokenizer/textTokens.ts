/** Word-level prompt tokenizer: one token per word, so each attention column is a word the user typed. */

export const MAX_PROMPT_WORDS = 32;

/** Splits text into lowercase words. "#" reads as "sharp"; apostrophes vanish so "O'Neill's" is "oneills". */
export function promptWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[#♯]/g, ' sharp ')
    .replace(/♭/g, ' flat ')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9/]+/)
    .map((w) => w.replace(/^\/+|\/+$/g, ''))
    .filter((w) => w.length > 0);
}
