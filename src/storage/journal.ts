import type { IDBPDatabase } from 'idb';
import type { JournalNode } from '../journal/journal';
import { isQuotaError } from './history';
import { appDb, type AppDb } from './database';

/** Where the exploration journal is kept: IndexedDB when it works, memory otherwise (as for history). */
export interface JournalStorage {
  readonly kind: 'indexeddb' | 'memory';
  list(): Promise<JournalNode[]>;
  /** Writes nodes (new or changed) in one transaction. */
  put(nodes: readonly JournalNode[]): Promise<void>;
  /** Erases every node (the workshop reset). */
  clear(): Promise<void>;
}

class IdbJournal implements JournalStorage {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBPDatabase<AppDb>) {}

  async list(): Promise<JournalNode[]> {
    return (await this.db.getAll('journal')).sort((a, b) => a.createdAt - b.createdAt);
  }

  async put(nodes: readonly JournalNode[]): Promise<void> {
    const tx = this.db.transaction('journal', 'readwrite');
    await Promise.all([...nodes.map((n) => tx.store.put(n)), tx.done]);
  }

  /** Resolved when the clearing commits, so a reload right after (the workshop reset) cannot undo it. */
  async clear(): Promise<void> {
    const tx = this.db.transaction('journal', 'readwrite');
    await Promise.all([tx.store.clear(), tx.done]);
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
    const storage = new IdbJournal(await appDb());
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
