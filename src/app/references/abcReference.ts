/** ABC the user brings as a reference: its first tune, tokenised the way catalogue tunes are. */
import { AbcError, parseTune, splitTunes } from '../../music/abcParse';
import type { ReferenceSource } from '../../music/excerpt';
import { tuneTokens } from '../../tokenizer/musicTokens';
import { IMPORT_CAPS, overCap } from '../importCaps';

export type AbcReading =
  | { readonly ok: true; readonly source: ReferenceSource; readonly tokens: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Reads pasted or imported ABC; `name` labels it when it has no title (the file name, or "Pasted ABC"). */
export function readAbcReference(text: string, name: string): AbcReading {
  const tooBig = overCap(text.length, IMPORT_CAPS.abcText);
  if (tooBig) return { ok: false, reason: tooBig };
  if (text.trim() === '') return { ok: false, reason: 'There is no ABC to read: paste a tune or choose a file.' };
  // A text of several tunes gives its first; a bare tune without X: is read as one.
  const record = splitTunes(text)[0] ?? `X:1\n${text}`;
  try {
    const tune = parseTune(record);
    const title = tune.header.T?.[0]?.trim() || name;
    return { ok: true, source: { kind: 'abc', id: name, title }, tokens: tuneTokens(tune) };
  } catch (e) {
    if (!(e instanceof AbcError)) throw e;
    const where = e.position === null ? '' : ` at character ${e.position + 1} of the music`;
    return { ok: false, reason: `${name} does not read as ABC${where}: ${e.message}` };
  }
}
