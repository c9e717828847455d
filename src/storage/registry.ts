/**
 * The researcher's registry (a loaded file, with their edits) kept across visits in the app's IndexedDB
 * database (database.ts). The record is checked against the schema again when it is read back (the rights
 * layer does that), so a stale or damaged record is never trusted.
 */
import type { IDBPDatabase } from 'idb';
import { appDb, type AppDb } from './database';

/** What is stored: the registry as plain JSON, where it came from, and whether it was edited here. */
export interface StoredRegistry {
  readonly registry: unknown;
  /** "the shipped demo registry" or the file name it was loaded from. */
  readonly origin: string;
  readonly edited: boolean;
  readonly savedAt: number;
}

export interface RegistryStorage {
  readonly kind: 'indexeddb' | 'memory';
  get(): Promise<StoredRegistry | null>;
  put(record: StoredRegistry): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'current';

class IdbRegistry implements RegistryStorage {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBPDatabase<AppDb>) {}
  async get() {
    return (await this.db.get('registry', KEY)) ?? null;
  }
  async put(record: StoredRegistry) {
    await this.db.put('registry', record, KEY);
  }
  async clear() {
    const tx = this.db.transaction('registry', 'readwrite');
    await Promise.all([tx.store.clear(), tx.done]);
  }
}

export class MemoryRegistry implements RegistryStorage {
  readonly kind = 'memory';
  private record: StoredRegistry | null = null;
  async get() {
    return this.record;
  }
  async put(record: StoredRegistry) {
    this.record = structuredClone(record);
  }
  async clear() {
    this.record = null;
  }
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Opens the registry store; on any failure returns memory storage and the warning to show. */
export async function openRegistryStorage(): Promise<{ storage: RegistryStorage; warning: string | null }> {
  try {
    return { storage: new IdbRegistry(await appDb()), warning: null };
  } catch (e) {
    return {
      storage: new MemoryRegistry(),
      warning: `Registry edits cannot be stored in IndexedDB (${describe(e)}); they last for this visit only, so export the registry to keep them.`,
    };
  }
}
