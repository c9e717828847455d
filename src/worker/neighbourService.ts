/**
 * What neighbours.worker.ts does, without the worker: load the catalogue and its indexes through a file reader
 * (fetch in the browser, fs in tests), then rank, find shared passages and score copies. Vector sets that cannot
 * be used (missing, corrupt, built for another catalogue) leave their measure unavailable with the reason; the
 * n-gram measure and the copy score depend only on the catalogue.
 */
import type { CatalogueEntry } from '../catalogue/catalogueEntry';
import { buildCopyIndex, copyScore, type CopyIndex, type CopyScore } from '../explain/copyDetect';
import {
  DEFAULT_NEIGHBOUR_SETTINGS,
  findNeighbours,
  type NeighbourCatalogue,
  type NeighbourList,
  type NeighbourMeasure,
} from '../explain/neighbours';
import {
  buildNeighbourCatalogue,
  indexProblems,
  tokensToNoteSequence,
  type NeighbourIndexHeader,
  type VectorSetName,
} from '../explain/neighboursIndex';
import { sharedPassages, type SharedPassage } from '../explain/ngram';
import { sha256Hex } from './modelFiles';
import { VECTOR_SETS, type IndexInfo, type RankRequest } from './neighbourProtocol';

const REBUILD = 'rebuild it with: npm run catalogue:index';

/** Reads one file of the corpus folder; rejects with a message naming the file. */
export type ReadCorpusFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

function parseJson<T>(bytes: Uint8Array, file: string, rebuild: string): T {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new Error(`${file} is not valid JSON; ${rebuild}`);
  }
}

/** The bytes of one vector set, checked against the SHA-256 the header records. */
async function readVectorSet(read: ReadCorpusFile, header: NeighbourIndexHeader, name: VectorSetName) {
  const info = header.sets[name];
  const bytes = await read(info.file);
  const actual = await sha256Hex(bytes);
  if (actual !== null && actual !== info.sha256) {
    throw new Error(
      `${info.file} is corrupt (its SHA-256 is ${actual.slice(0, 12)}…, expected ${info.sha256.slice(0, 12)}…); ${REBUILD}`,
    );
  }
  return bytes;
}

interface Loaded {
  readonly catalogue: NeighbourCatalogue;
  readonly copy: CopyIndex;
  readonly info: IndexInfo;
}

export class NeighbourService {
  private loaded: Loaded | null = null;

  async index(read: ReadCorpusFile): Promise<IndexInfo> {
    const t0 = performance.now();
    const { entries } = parseJson<{ entries: CatalogueEntry[] }>(
      await read('catalogue.json'),
      'catalogue.json',
      'rebuild it with: npm run corpus',
    );
    const ids = entries.map((e) => e.id);
    const unavailable: Partial<Record<NeighbourMeasure, string>> = {};
    const files: Partial<Record<VectorSetName, Uint8Array>> = {};
    let header: NeighbourIndexHeader | null = null;
    try {
      header = parseJson<NeighbourIndexHeader>(await read('neighbours.json'), 'neighbours.json', REBUILD);
      const problems = indexProblems(header, ids);
      if (problems.length) throw new Error(problems.join('; '));
    } catch (e) {
      for (const name of VECTOR_SETS) unavailable[name] = (e as Error).message;
      header = null;
    }
    if (header) {
      const got = await Promise.allSettled(VECTOR_SETS.map((name) => readVectorSet(read, header!, name)));
      got.forEach((r, i) => {
        if (r.status === 'fulfilled') files[VECTOR_SETS[i]] = r.value;
        else unavailable[VECTOR_SETS[i]] = (r.reason as Error).message;
      });
    }
    let catalogue: NeighbourCatalogue;
    try {
      catalogue = buildNeighbourCatalogue(entries, { header, files });
    } catch (e) {
      // A file with the right hash but the wrong shape: drop the vector sets, keep the n-gram measure.
      for (const name of VECTOR_SETS) unavailable[name] ??= (e as Error).message;
      catalogue = buildNeighbourCatalogue(entries);
    }
    const copy = buildCopyIndex(ids.map((id, i) => ({ id, seq: catalogue.sequence(i) })));
    const info: IndexInfo = {
      count: ids.length,
      unavailable,
      decoderSha256: header?.model.decoderSha256 ?? null,
      sketch: catalogue.sketch,
      buildMs: performance.now() - t0,
    };
    this.loaded = { catalogue, copy, info };
    this.warmUp(entries);
    return info;
  }

  /**
   * Ranks one catalogue tune by n-grams (passages included) and throws the answer away, so the first ranking a
   * person asks for runs compiled code: cold, the n-gram query took 10 to 25 ms in Node against about 1 ms warm
   * (the JIT and the first sort of a whole catalogue's keys).
   */
  private warmUp(entries: readonly CatalogueEntry[]): void {
    if (!entries.length) return;
    this.rank({
      tokens: entries[0].tokens,
      vectors: {},
      settings: { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'ngram' },
    });
  }

  private need(): Loaded {
    if (!this.loaded) throw new Error('the catalogue is not indexed yet');
    return this.loaded;
  }

  rank(req: Omit<RankRequest, 'type' | 'id'>): { list: NeighbourList; ms: number } {
    const { catalogue } = this.need();
    const t0 = performance.now();
    const list = findNeighbours(
      { catalogue, query: { ...req.vectors, sequence: tokensToNoteSequence(req.tokens) } },
      req.settings,
    );
    return { list, ms: performance.now() - t0 };
  }

  passages(tokens: readonly string[], index: number): SharedPassage[] {
    const { catalogue } = this.need();
    if (!Number.isInteger(index) || index < 0 || index >= catalogue.ids.length)
      throw new RangeError(`there is no catalogue tune at position ${index}`);
    return sharedPassages(tokensToNoteSequence(tokens), catalogue.sequence(index), catalogue.ngrams?.n);
  }

  copy(tokens: readonly string[]): CopyScore {
    return copyScore(tokensToNoteSequence(tokens), this.need().copy);
  }
}
