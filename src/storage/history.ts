import type { Tune } from '../store/types';

/** Where generations are kept: IndexedDB when it works, memory otherwise. */
export interface HistoryStorage {
  readonly kind: 'indexeddb' | 'memory';
  /** Newest first. */
  list(): Promise<Tune[]>;
  put(tune: Tune): Promise<void>;
  /** Erases every entry (the workshop reset). */
  clear(): Promise<void>;
}

const DB = 'apparatus';
const STORE = 'history';

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () =>
      r.result.createObjectStore(STORE, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

class IdbHistory implements HistoryStorage {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBDatabase) {}

  async list(): Promise<Tune[]> {
    const all = await request(this.db.transaction(STORE).objectStore(STORE).index('createdAt').getAll());
    return (all as Tune[]).reverse();
  }

  put(tune: Tune): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(tune);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
  }

  async clear(): Promise<void> {
    await request(this.db.transaction(STORE, 'readwrite').objectStore(STORE).clear());
  }
}

export class MemoryHistory implements HistoryStorage {
  readonly kind = 'memory';
  private tunes: Tune[];
  constructor(initial: readonly Tune[] = []) {
    this.tunes = [...initial];
  }
  async list(): Promise<Tune[]> {
    return [...this.tunes];
  }
  async put(tune: Tune): Promise<void> {
    this.tunes = [tune, ...this.tunes.filter((t) => t.id !== tune.id)];
  }
  async clear(): Promise<void> {
    this.tunes = [];
  }
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export const isQuotaError = (e: unknown): boolean =>
  e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);

/** Opens IndexedDB history; on any failure returns memory history and the warning to show. */
export async function openHistory(): Promise<{ storage: HistoryStorage; entries: Tune[]; warning: string | null }> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    const storage = new IdbHistory(await openDb());
    return { storage, entries: await storage.list(), warning: null };
  } catch (e) {
    const warning = `History could not be stored in IndexedDB (${describe(e)}). It is kept in memory for this visit only; download it as JSON to keep it.`;
    return { storage: new MemoryHistory(), entries: [], warning };
  }
}

/** Saves a tune; when IndexedDB refuses (quota, closed database), moves history to memory and says why. */
export async function saveOrFallBack(
  storage: HistoryStorage,
  tune: Tune,
  current: readonly Tune[],
): Promise<{ storage: HistoryStorage; warning: string | null }> {
  try {
    await storage.put(tune);
    return { storage, warning: null };
  } catch (e) {
    const memory = new MemoryHistory(current);
    await memory.put(tune);
    const why = isQuotaError(e) ? 'the storage quota is exceeded' : describe(e);
    return {
      storage: memory,
      warning: `A tune could not be saved to IndexedDB (${why}). History is now kept in memory for this visit only; download it as JSON to keep it.`,
    };
  }
}
