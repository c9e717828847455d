/** A short title for files, the score and ABC's T: field: the prompt, or "Unconditional tune". */
export const tuneTitle = (prompt: string): string => {
  const text = prompt.replace(/\s+/g, ' ').trim();
  return text ? (text.length > 60 ? `${text.slice(0, 57)}...` : text) : 'Unconditional tune';
};
