/**
 * Reads a registry file: size first (so a huge file is refused before it is parsed), then JSON, then the
 * schema, then the ids it names against the catalogue. Every problem names its path:
 * `collections[1].terms.reference.consent: must be one of "allowed", "not-allowed", "constrained"`.
 */
import type { z } from '../schema/zod';
import { registrySchema, type Registry } from './registrySchema';
import { pathText } from '../schema/issues';

/**
 * The largest registry file read. An entry for every one of the catalogue's ~3,700 tunes with full terms is
 * about 2.5 MB of JSON; 5 MB leaves room and keeps a hostile file from holding the page.
 */
export const MAX_REGISTRY_BYTES = 5_000_000;
/** Stop after this many problems: a broken file usually repeats one mistake. */
const MAX_ERRORS = 20;

export type RegistryResult =
  { readonly ok: true; readonly registry: Registry } | { readonly ok: false; readonly errors: readonly string[] };

/** The tune ids and collection keys a registry may name (from the catalogue). */
export interface KnownTunes {
  readonly tuneIds: ReadonlySet<string>;
  readonly collections: ReadonlySet<string>;
}

/** The collection key of a catalogue tune id: its first part ("airdsAirs" for "airdsAirs-book1-0001"). */
export const collectionOf = (tuneId: string): string => tuneId.split('-')[0];

/** The known set of a list of catalogue ids. */
export function knownTunes(ids: Iterable<string>): KnownTunes {
  const tuneIds = new Set(ids);
  return { tuneIds, collections: new Set([...tuneIds].map(collectionOf)) };
}

const megabytes = (n: number) => `${(Math.ceil(n / 1e5) / 10).toFixed(1)} MB`;

/** Null when `bytes` is within the cap; else a message saying how big the file is and what the limit is. */
export function registrySizeProblem(bytes: number): string | null {
  if (bytes <= MAX_REGISTRY_BYTES) return null;
  return `The registry file is ${megabytes(bytes)}, more than the ${megabytes(MAX_REGISTRY_BYTES)} this app reads.`;
}

/** `collections[1].terms.reference` from zod's path. */
export const formatPath = (path: readonly PropertyKey[]): string => pathText(path, '(the file)');

function issueMessage(issue: z.core.$ZodIssue): string {
  // zod words a missing field as "expected string, received undefined".
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) return 'is missing';
  if (issue.code === 'unrecognized_keys')
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** Ids the schema cannot know: tunes and collections the catalogue lacks, and entries given twice. */
function idProblems(registry: Registry, known: KnownTunes): string[] {
  const problems: string[] = [];
  const seenCollections = new Set<string>();
  registry.collections.forEach(({ collection }, i) => {
    if (!known.collections.has(collection))
      problems.push(
        `collections[${i}].collection: unknown collection "${collection}" (the catalogue has ${[...known.collections].join(', ')})`,
      );
    else if (seenCollections.has(collection))
      problems.push(`collections[${i}].collection: "${collection}" is listed twice`);
    seenCollections.add(collection);
  });
  const seenTunes = new Set<string>();
  registry.tunes.forEach(({ tune }, i) => {
    if (!known.tuneIds.has(tune)) problems.push(`tunes[${i}].tune: unknown tune id "${tune}" (not in the catalogue)`);
    else if (seenTunes.has(tune)) problems.push(`tunes[${i}].tune: "${tune}" is listed twice`);
    seenTunes.add(tune);
  });
  return problems;
}

/** Checks an already parsed value (e.g. a registry kept in IndexedDB) against the schema and the catalogue. */
export function checkRegistry(value: unknown, known: KnownTunes): RegistryResult {
  const parsed = registrySchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${issueMessage(i)}`);
    return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  }
  const problems = idProblems(parsed.data, known);
  return problems.length ? { ok: false, errors: problems.slice(0, MAX_ERRORS) } : { ok: true, registry: parsed.data };
}

/** Reads registry JSON text; `bytes` is the file's size when known (a File's size), else it is measured. */
export function parseRegistry(text: string, known: KnownTunes, bytes?: number): RegistryResult {
  // A character is at least one byte, so a text longer than the cap is too big without encoding it.
  const size = bytes ?? (text.length > MAX_REGISTRY_BYTES ? text.length : new TextEncoder().encode(text).length);
  const tooBig = registrySizeProblem(size);
  if (tooBig) return { ok: false, errors: [tooBig] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The registry file is not valid JSON: ${(e as Error).message}`] };
  }
  return checkRegistry(value, known);
}
