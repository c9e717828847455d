import abcjs from 'abcjs';

/** Problems abcjs reports when reading ABC, with its HTML markup removed. Empty means it parses cleanly. */
export function abcjsWarnings(abc: string): string[] {
  // abcjs types the result as a one-tuple; an input without a tune really gives an empty array.
  const tunes: readonly { warnings?: string[] }[] = abcjs.parseOnly(abc);
  if (tunes.length === 0) return ['no tune found'];
  return (tunes[0].warnings ?? []).map((w: string) => w.replace(/<[^>]+>/g, ''));
}
