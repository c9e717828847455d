/**
 * The catalogue-side indexes the browser builds once, lazily, through react-query: the n-gram index, the
 * shipped vector sets of the text, music and gradient measures (public/corpus/neighbours*), and the copy
 * detector's bar index. A vector set that cannot be used (missing, corrupt, built for another catalogue)
 * leaves its measure unavailable with the reason; the n-gram measure does not depend on it.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { buildCopyIndex, type CopyIndex } from '../../explain/copyDetect';
import type { NeighbourCatalogue, NeighbourMeasure } from '../../explain/neighbours';
import {
  buildNeighbourCatalogue,
  idsFnv1a,
  indexProblems,
  type NeighbourIndexHeader,
  type VectorSetName,
} from '../../explain/neighboursIndex';
import { sha256Hex } from '../../worker/modelFiles';
import type { CatalogueEntry } from '../catalogue/catalogueData';

export const VECTOR_SETS: readonly VectorSetName[] = ['text', 'music', 'gradient'];
const REBUILD = 'rebuild it with: npm run catalogue:index';

export interface BrowserNeighbourIndex {
  readonly catalogue: NeighbourCatalogue;
  /** The shipped index header, or null when it could not be read. */
  readonly header: NeighbourIndexHeader | null;
  /** Why a measure's catalogue side is not usable; absent for usable measures. */
  readonly unavailable: Partial<Record<NeighbourMeasure, string>>;
  /** Time to fetch, check and decode everything, in ms. */
  readonly buildMs: number;
}

const corpusUrl = (file: string): string =>
  new URL(`corpus/${file}`, new URL(import.meta.env.BASE_URL, globalThis.location.href)).href;

async function fetchBytes(file: string): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetch(corpusUrl(file));
  if (!res.ok) throw new Error(`${file} could not be fetched (${res.status} ${res.statusText}); ${REBUILD}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function fetchHeader(): Promise<NeighbourIndexHeader> {
  const text = new TextDecoder().decode(await fetchBytes('neighbours.json'));
  try {
    return JSON.parse(text) as NeighbourIndexHeader;
  } catch {
    throw new Error(`neighbours.json is not valid JSON; ${REBUILD}`);
  }
}

/** The bytes of one vector set, checked against the SHA-256 the header records. */
async function fetchVectorSet(header: NeighbourIndexHeader, name: VectorSetName): Promise<Uint8Array> {
  const info = header.sets[name];
  const bytes = await fetchBytes(info.file);
  const actual = await sha256Hex(bytes);
  if (actual !== null && actual !== info.sha256) {
    throw new Error(
      `${info.file} is corrupt (its SHA-256 is ${actual.slice(0, 12)}…, expected ${info.sha256.slice(0, 12)}…); ${REBUILD}`,
    );
  }
  return bytes;
}

export async function loadNeighbourIndex(entries: readonly CatalogueEntry[]): Promise<BrowserNeighbourIndex> {
  const t0 = performance.now();
  const unavailable: Partial<Record<NeighbourMeasure, string>> = {};
  const files: Partial<Record<VectorSetName, Uint8Array>> = {};
  let header: NeighbourIndexHeader | null = null;
  try {
    header = await fetchHeader();
    const problems = indexProblems(
      header,
      entries.map((e) => e.id),
    );
    if (problems.length) throw new Error(problems.join('; '));
  } catch (e) {
    for (const name of VECTOR_SETS) unavailable[name] = (e as Error).message;
    header = null;
  }
  if (header) {
    const loaded = await Promise.allSettled(VECTOR_SETS.map((name) => fetchVectorSet(header!, name)));
    loaded.forEach((r, i) => {
      if (r.status === 'fulfilled') files[VECTOR_SETS[i]] = r.value;
      else unavailable[VECTOR_SETS[i]] = (r.reason as Error).message;
    });
  }
  let catalogue: NeighbourCatalogue;
  try {
    catalogue = buildNeighbourCatalogue(entries, { header, files });
  } catch (e) {
    // A file of the right hash but the wrong shape: drop the vector sets, keep the n-gram measure.
    for (const name of VECTOR_SETS) unavailable[name] ??= (e as Error).message;
    catalogue = buildNeighbourCatalogue(entries);
  }
  return { catalogue, header, unavailable, buildMs: performance.now() - t0 };
}

const catalogueKey = (entries: readonly CatalogueEntry[] | undefined): string =>
  entries ? idsFnv1a(entries.map((e) => e.id)) : 'none';

export const neighbourIndexOptions = (entries: readonly CatalogueEntry[] | undefined) =>
  queryOptions<BrowserNeighbourIndex>({
    queryKey: ['neighbour-index', catalogueKey(entries)],
    queryFn: () => loadNeighbourIndex(entries!),
    staleTime: Infinity,
  });

export function useNeighbourIndex(entries: readonly CatalogueEntry[] | undefined, wanted: boolean) {
  return useQuery({ ...neighbourIndexOptions(entries), enabled: entries !== undefined && wanted });
}

/** The copy detector's bar index, from the note sequences the neighbour catalogue already parsed. */
export const copyIndexOptions = (catalogue: NeighbourCatalogue | undefined) =>
  queryOptions<CopyIndex>({
    queryKey: ['copy-index', catalogue ? idsFnv1a(catalogue.ids) : 'none'],
    queryFn: () => buildCopyIndex(catalogue!.ids.map((id, i) => ({ id, seq: catalogue!.sequence(i) }))),
    staleTime: Infinity,
  });

export function useCopyIndex(catalogue: NeighbourCatalogue | undefined) {
  return useQuery({ ...copyIndexOptions(catalogue), enabled: catalogue !== undefined });
}
