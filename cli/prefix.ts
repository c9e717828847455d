import { AbcError, parseTune } from '../src/music/abcParse';
import { tuneTokens } from '../src/tokenizer/musicTokens';
import type { Vocab } from '../src/tokenizer/vocab';
import { UsageError } from './args';

const FIELD = /^\s*([MLK]):[ \t]*([^\s|]+(?:[ \t]+(?:major|minor|dorian|mixolydian|maj|min|dor|mix)\b)?)/i;

/**
 * Reads an ABC prefix ("M:6/8 K:D |: d2e fed |" or a whole tune) into music tokens. Header fields may sit on
 * one line; missing M:/K: come from the pinned meter and key. A parse error names its position in the music.
 */
export function prefixTokens(
  text: string,
  vocab: Vocab,
  pinned: { meter: string | null; key: string | null; mode: string | null },
): string[] {
  let rest = text.replace(/^X:.*\n?/, '');
  const fields: Record<string, string> = {};
  for (let m = FIELD.exec(rest); m; m = FIELD.exec(rest)) {
    fields[m[1].toUpperCase()] = m[2];
    rest = rest.slice(m[0].length);
  }
  const meter = fields.M ?? pinned.meter;
  const key = fields.K ?? (pinned.key ? `${pinned.key}${pinned.mode ?? ''}` : null);
  if (!meter || !key) throw new UsageError('--prefix needs M: and K: fields (or --meter and --key) before the music');
  const record = `X:1\nM:${meter}\nL:${fields.L ?? '1/8'}\nK:${key}\n${rest.replace(/^\s+/, '')}`;
  let tokens: string[];
  try {
    tokens = tuneTokens(parseTune(record));
  } catch (e) {
    if (e instanceof AbcError) {
      const where = e.position === null ? '' : ` at character ${e.position + 1} of the music`;
      throw new UsageError(`--prefix does not parse${where}: ${e.message}`);
    }
    throw e;
  }
  if (pinned.meter && tokens[0] !== `M:${pinned.meter}`)
    throw new UsageError(`--prefix is in ${tokens[0].slice(2)} but --meter asks for ${pinned.meter}`);
  const unknown = tokens.filter((t) => !vocab.hasMusic(t));
  if (unknown.length)
    throw new UsageError(`--prefix uses tokens the model does not know: ${[...new Set(unknown)].join(' ')}`);
  return tokens;
}
