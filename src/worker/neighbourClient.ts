import type { CopyScore } from '../explain/copyDetect';
import type { NeighbourList } from '../explain/neighbours';
import type { SharedPassage } from '../explain/ngram';
import type { IndexInfo, NeighbourReply, NeighbourRequest, RankRequest } from './neighbourProtocol';

/** A request without its id (distributes over the union, so each request keeps its own fields). */
type Body<T extends NeighbourRequest> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = { resolve: (reply: NeighbourReply) => void; reject: (e: Error) => void };

/**
 * The page's handle on neighbours.worker.ts: numbered requests, promises for replies (errors reject with the
 * worker's message). A crashed worker fails what was open; the next request starts a fresh worker and indexes
 * the catalogue again first.
 */
export class NeighbourClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private indexing: Promise<IndexInfo> | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly corpusUrl: string,
  ) {}

  /** Indexes the catalogue once per worker; every other request waits for it. */
  index(): Promise<IndexInfo> {
    this.indexing ??= this.send<'indexed'>({ type: 'index', corpusUrl: this.corpusUrl }).then(
      (r) => r.info,
      (e: unknown) => {
        this.indexing = null; // a later request tries again
        throw e;
      },
    );
    return this.indexing;
  }

  async rank(req: Body<RankRequest>): Promise<{ list: NeighbourList; ms: number }> {
    await this.index();
    const { list, ms } = await this.send<'ranked'>(req);
    return { list, ms };
  }

  async passages(tokens: readonly string[], index: number): Promise<readonly SharedPassage[]> {
    await this.index();
    return (await this.send<'passages'>({ type: 'passages', tokens: [...tokens], index })).passages;
  }

  async copy(tokens: readonly string[]): Promise<CopyScore> {
    await this.index();
    return (await this.send<'copy'>({ type: 'copy', tokens: [...tokens] })).score;
  }

  dispose(): void {
    this.fail('The neighbour worker was closed.');
  }

  private send<T extends NeighbourReply['type']>(
    body: Body<NeighbourRequest>,
  ): Promise<Extract<NeighbourReply, { type: T }>> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: NeighbourReply) => void, reject });
      worker.postMessage({ ...body, id } as NeighbourRequest);
    });
  }

  private spawn(): Worker {
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent<NeighbourReply>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.type === 'error') p.reject(new Error(e.data.message));
      else p.resolve(e.data);
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(`The neighbour worker crashed (${e.message || 'unknown error'}); the next request starts it again.`);
    };
    return worker;
  }

  /** Terminates the worker and rejects everything open, so the next request starts clean. */
  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.indexing = null;
    const open = [...this.pending.values()];
    this.pending.clear();
    for (const p of open) p.reject(new Error(message));
  }
}
