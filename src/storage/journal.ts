import type { JournalNode } from '../explain/journal';
import { isQuotaError } from './history';

/** Where the exploration journal is kept: IndexedDB when it works, memory otherwise (as for history). */
export interface JournalStorage {
  readonly kind: 'indexeddb' | 'memory';
  list(): Promise<JournalNode[]>;
  /** Writes nodes (new or changed) in one transaction. */
  put(nodes: readonly JournalNode[]): Promise<void>;
  /** Erases every node (the workshop reset). */
  clear(): Promise<void>;
}

// A database of its own: history's database is opened at version 1 with one store, and adding a store
// would need a version both modules agree on.
const DB = 'apparatus-journal';
const STORE = 'nodes';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

class IdbJournal implements JournalStorage {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBDatabase) {}

  list(): Promise<JournalNode[]> {
    return new Promise((resolve, reject) => {
      const r = this.db.transaction(STORE).objectStore(STORE).getAll();
      r.onsuccess = () => resolve((r.result as JournalNode[]).sort((a, b) => a.createdAt - b.createdAt));
      r.onerror = () => reject(r.error ?? new Error('IndexedDB read failed'));
    });
  }

  put(nodes: readonly JournalNode[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const n of nodes) store.put(n);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
  }

  clear(): Promise<void> {
    return new Promise((resolve, reject) => {
      const r = this.db.transaction(STORE, 'readwrite').objectStore(STORE).clear();
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error ?? new Error('IndexedDB clear failed'));
    });
  }
}

export class MemoryJournal implements JournalStorage {
  readonly kind = 'memory';
  private nodes = new Map<string, JournalNode>();
  constructor(initial: readonly JournalNode[] = []) {
    for (const n of initial) this.nodes.set(n.id, n);
  }
  async list(): Promise<JournalNode[]> {
    return [...this.nodes.values()];
  }
  async put(nodes: readonly JournalNode[]): Promise<void> {
    for (const n of nodes) this.nodes.set(n.id, n);
  }
  async clear(): Promise<void> {
    this.nodes.clear();
  }
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Opens the journal in IndexedDB; on any failure returns memory storage and the warning to show. */
export async function openJournal(): Promise<{
  storage: JournalStorage;
  nodes: JournalNode[];
  warning: string | null;
}> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    const storage = new IdbJournal(await openDb());
    return { storage, nodes: await storage.list(), warning: null };
  } catch (e) {
    const warning = `The journal could not be stored in IndexedDB (${describe(e)}). It is kept in memory for this visit only; export it as JSON to keep it.`;
    return { storage: new MemoryJournal(), nodes: [], warning };
  }
}

/** Saves nodes; when IndexedDB refuses, moves the whole journal to memory and says why. */
export async function saveJournalOrFallBack(
  storage: JournalStorage,
  changed: readonly JournalNode[],
  all: readonly JournalNode[],
): Promise<{ storage: JournalStorage; warning: string | null }> {
  try {
    await storage.put(changed);
    return { storage, warning: null };
  } catch (e) {
    const why = isQuotaError(e) ? 'the storage quota is exceeded' : describe(e);
    return {
      storage: new MemoryJournal(all),
      warning: `The journal could not be saved to IndexedDB (${why}). It is now kept in memory for this visit only; export it as JSON to keep it.`,
    };
  }
}
