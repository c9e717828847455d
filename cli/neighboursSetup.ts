/** Node-side loading for the neighbour measures: the shipped index files and the catalogue. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import type { NeighbourCatalogue, NeighbourMeasure } from '../src/explain/neighbours';
import {
  buildNeighbourCatalogue,
  indexProblems,
  type NeighbourIndexHeader,
  type VectorSetName,
} from '../src/explain/neighboursIndex';

export const DEFAULT_INDEX_DIR = join(process.cwd(), 'public/corpus');
export const INDEX_COMMAND = 'npm run catalogue:index';

/** The index header, or an error that says how to rebuild it. */
export function readIndexHeader(dir = DEFAULT_INDEX_DIR): NeighbourIndexHeader {
  const path = join(dir, 'neighbours.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as NeighbourIndexHeader;
  } catch (e) {
    throw new Error(
      `cannot read the neighbour index ${path} (${(e as Error).message.split('\n')[0]}); build it with: ${INDEX_COMMAND}`,
    );
  }
}

/**
 * The catalogue with the indexes the given measures need. Vector files are checked against the catalogue and,
 * when `decoderSha256` is given, against the model; a mismatch is an error naming the rebuild command.
 */
export function loadNeighbourCatalogue(
  entries: readonly CatalogueEntry[],
  measures: readonly NeighbourMeasure[],
  options: { dir?: string; decoderSha256?: string } = {},
): { catalogue: NeighbourCatalogue; header: NeighbourIndexHeader | null } {
  const dir = options.dir ?? DEFAULT_INDEX_DIR;
  const sets = measures.filter((m): m is VectorSetName => m !== 'ngram');
  let header: NeighbourIndexHeader | null = null;
  const files: Partial<Record<VectorSetName, Uint8Array>> = {};
  if (sets.length) {
    header = readIndexHeader(dir);
    const problems = indexProblems(
      header,
      entries.map((e) => e.id),
      options.decoderSha256,
    );
    if (problems.length) throw new Error(problems.join('\n'));
    for (const name of sets) files[name] = readFileSync(join(dir, header.sets[name].file));
  }
  const catalogue = buildNeighbourCatalogue(entries, {
    header,
    files,
    ngram: measures.includes('ngram') ? undefined : false,
  });
  return { catalogue, header };
}
