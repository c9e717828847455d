import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Opens a database with idb, creating its stores on first use. idb only reports a database held open at an
 * older version by another tab; this refuses instead, so the caller falls back to memory rather than waiting.
 */
export function openOrRefuse<S extends DBSchema>(
  name: string,
  version: number,
  create: (db: IDBPDatabase<S>) => void,
): Promise<IDBPDatabase<S>> {
  return new Promise((resolve, reject) => {
    openDB<S>(name, version, {
      upgrade: (db) => create(db),
      blocked: () => reject(new Error('IndexedDB is blocked by another tab')),
    }).then(resolve, reject);
  });
}
