import type { IDBPDatabase } from 'idb';
import type { Tune } from '../store/types';
import { appDb, type AppDb } from './database';

/** Where generations are kept: IndexedDB when it works, memory otherwise. */
export interface HistoryStorage {
  readonly kind: 'indexeddb' | 'memory';
  /** Newest first. */
  list(): Promise<Tune[]>;
  put(tune: Tune): Promise<void>;
  /** Erases every entry (the workshop reset). */
  clear(): Promise<void>;
}

class IdbHistory implements HistoryStorage {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBPDatabase<AppDb>) {}

  async list(): Promise<Tune[]> {
    return (await this.db.getAllFromIndex('history', 'createdAt')).reverse();
  }

  async put(tune: Tune): Promise<void> {
    const tx = this.db.transaction('history', 'readwrite');
    // Resolved only when the transaction commits, so a refused write (quota) reaches saveOrFallBack.
    await Promise.all([tx.store.put(tune), tx.done]);
  }

  /** Resolved when the clearing commits, so a reload right after (the workshop reset) cannot undo it. */
  async clear(): Promise<void> {
    const tx = this.db.transaction('history', 'readwrite');
    await Promise.all([tx.store.clear(), tx.done]);
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
    const storage = new IdbHistory(await appDb());
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
