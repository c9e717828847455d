/**
 * Reference excerpts named on the command line: `--reference <catalogue-id>[:<first>-<last>]` and
 * `--reference-abc <file>[:<first>-<last>]`, in the order given, at most MAX_REFERENCES in all.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { abcWithComments } from '../src/export/abcExport';
import { referenceLines, type ReferenceProvenance } from '../src/export/provenance';
import { referenceProvenance } from '../src/export/referenceProvenance';
import { AbcError, parseTune, splitTunes } from '../src/music/abcParse';
import { makeReference, MAX_REFERENCES, parseReferenceSpec, type Reference } from '../src/music/excerpt';
import { tuneTokens } from '../src/tokenizer/musicTokens';
import type { Vocab } from '../src/tokenizer/vocab';
import { UsageError, type GivenOption } from './args';
import { readCatalogue, type CatalogueFile } from './catalogue';

export const REFERENCE_OPTIONS = { catalogue: 'reference', abc: 'reference-abc' } as const;

/** A tune found for a reference: its tokens, title and id. */
interface Found {
  readonly tokens: readonly string[];
  readonly title: string;
  readonly id: string;
}

function fromCatalogue(id: string, catalogue: () => CatalogueFile): Found {
  const { entries } = catalogue();
  const entry = entries.find((e) => e.id === id);
  if (!entry)
    throw new UsageError(
      `--reference: no tune "${id}" in the catalogue (ids look like ${entries[0]?.id ?? 'oneills1850-2'})`,
    );
  return { tokens: entry.tokens, title: entry.titles[0] ?? id, id };
}

function fromAbcFile(path: string): Found {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--reference-abc: cannot read ${path} (${(e as Error).message.split('\n')[0]})`);
  }
  // A file of several tunes gives its first; a bare tune without X: is read as one.
  const record = splitTunes(text)[0] ?? `X:1\n${text}`;
  try {
    const tune = parseTune(record);
    return { tokens: tuneTokens(tune), title: tune.header.T?.[0]?.trim() || basename(path), id: path };
  } catch (e) {
    if (e instanceof AbcError) {
      const where = e.position === null ? '' : ` at character ${e.position + 1} of the music`;
      throw new UsageError(`--reference-abc: ${path} does not parse as ABC${where}: ${e.message}`);
    }
    throw e;
  }
}

/**
 * The references of the given options, checked before the model loads: the tune exists or the file parses,
 * the bar range is in the tune and fits MAX_REF_TOKENS, and there are at most MAX_REFERENCES.
 */
export function referencesFrom(
  given: readonly GivenOption[],
  catalogue: () => CatalogueFile = readCatalogue,
): Reference[] {
  const wanted = given.filter((g) => g.name === REFERENCE_OPTIONS.catalogue || g.name === REFERENCE_OPTIONS.abc);
  if (wanted.length > MAX_REFERENCES)
    throw new UsageError(`${wanted.length} references given; the model reads at most ${MAX_REFERENCES}`);
  let cached: CatalogueFile | null = null;
  const once = () => (cached ??= catalogue());
  return wanted.map(({ name, value }) => {
    const option = `--${name}`;
    try {
      const { target, range } = parseReferenceSpec(String(value));
      const kind = name === REFERENCE_OPTIONS.abc ? 'abc' : 'catalogue';
      const found = kind === 'abc' ? fromAbcFile(target) : fromCatalogue(target, once);
      return makeReference({ kind, id: found.id, title: found.title }, found.tokens, range);
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(`${option} ${String(value)}: ${e.message}`);
      throw e;
    }
  });
}

/** Throws a UsageError naming any reference token the loaded model does not know. */
export function checkReferenceVocab(references: readonly Reference[], vocab: Vocab): void {
  references.forEach((r, i) => {
    const unknown = r.tokens.filter((t) => !vocab.hasMusic(t));
    if (unknown.length)
      throw new UsageError(
        `reference ${i + 1} (${r.source.id}) uses tokens the model does not know: ${[...new Set(unknown)].join(' ')}`,
      );
  });
}

/** What --json says of each reference. */
export const referenceSummary = (r: Reference) => ({
  kind: r.source.kind,
  id: r.source.id,
  title: r.source.title,
  first: r.first,
  last: r.last,
  tokens: r.tokens.length,
});

/** The references' provenance: credits from the catalogue file the references were read from, user ABC hashed. */
export const referencesProvenance = (
  references: readonly Reference[],
  catalogue: () => CatalogueFile = readCatalogue,
): Promise<ReferenceProvenance[]> => referenceProvenance(references, () => catalogue().entries);

/** The printed ABC: with references, their provenance lines as comments after X:, as the app's ABC export has them. */
export const abcWithReferences = (abc: string, provenance: readonly ReferenceProvenance[]): string =>
  provenance.length ? abcWithComments(abc, referenceLines(provenance)) : abc;
