import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { JournalNode } from '../journal/journal';
import type { Tune } from '../store/types';
import type { StoredRegistry } from './registry';

/**
 * The app's one IndexedDB database, versioned. Version 1 held history alone; version 2 adds the journal,
 * which until then had a database of its own (LEGACY_JOURNAL_DB): its nodes are carried over once, then
 * that database is deleted. Version 3 adds the researcher's rights registry (one record).
 */
export const APP_DB = 'apparatus';
export const APP_DB_VERSION = 3;
export const LEGACY_JOURNAL_DB = 'apparatus-journal';

export interface AppDb extends DBSchema {
  history: { key: string; value: Tune; indexes: { createdAt: number } };
  journal: { key: string; value: JournalNode };
  registry: { key: string; value: StoredRegistry };
}

interface LegacyJournalDb extends DBSchema {
  nodes: { key: string; value: JournalNode };
}

let opening: Promise<IDBPDatabase<AppDb>> | null = null;

/** One connection for the page; a failed open is forgotten so a later call may try again. */
export function appDb(): Promise<IDBPDatabase<AppDb>> {
  opening ??= openAppDb().catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

async function openAppDb(): Promise<IDBPDatabase<AppDb>> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
  let fromVersion = 0;
  const db = await new Promise<IDBPDatabase<AppDb>>((resolve, reject) => {
    openDB<AppDb>(APP_DB, APP_DB_VERSION, {
      upgrade(db, oldVersion) {
        fromVersion = oldVersion;
        if (oldVersion < 1) db.createObjectStore('history', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        if (oldVersion < 2) db.createObjectStore('journal', { keyPath: 'id' });
        if (oldVersion < 3) db.createObjectStore('registry');
      },
      // idb only reports a database held open at an older version by another tab; refuse instead of waiting,
      // so the caller falls back to memory.
      blocked: () => reject(new Error('IndexedDB is blocked by another tab')),
    }).then(resolve, reject);
  });
  if (fromVersion < 2) await carryOverLegacyJournal(db);
  return db;
}

/** Copies the old journal database's nodes into the journal store, then deletes the old database. */
async function carryOverLegacyJournal(db: IDBPDatabase<AppDb>): Promise<void> {
  const known = await indexedDB.databases?.();
  if (known && !known.some((d) => d.name === LEGACY_JOURNAL_DB)) return;
  const legacy = await openDB<LegacyJournalDb>(LEGACY_JOURNAL_DB, 1, {
    // Opening creates the database when it was never there: give it its store so the read below works.
    upgrade: (old) => old.createObjectStore('nodes', { keyPath: 'id' }),
  });
  const nodes = await legacy.getAll('nodes');
  legacy.close();
  const tx = db.transaction('journal', 'readwrite');
  await Promise.all([...nodes.map((n) => tx.store.put(n)), tx.done]);
  await deleteDB(LEGACY_JOURNAL_DB);
}
