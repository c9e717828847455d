import abcjs from 'abcjs';

/** Problems abcjs reports when reading ABC, with its HTML markup removed. Empty means it parses cleanly. */
export function abcjsWarnings(abc: string): string[] {
  const tunes = abcjs.parseOnly(abc);
  if (tunes.length === 0) return ['no tune found'];
  return (tunes[0].warnings ?? []).map((w: string) => w.replace(/<[^>]+>/g, ''));
}
