import { node } from '../src/journal/journalFixtures';
import { DEFAULT_SETTINGS } from '../src/runtime/decode';
import type { Tune } from '../src/store/types';
import { expect, test } from './fixtures';
import { JournalView } from './pages/JournalView';
import { ViewsPanel } from './pages/ViewsPanel';

const OLD_TUNE: Tune = {
  id: 'tune-from-version-1',
  createdAt: 1_700_000_000_000,
  prompt: 'a hornpipe kept since version 1',
  words: ['a', 'hornpipe', 'kept', 'since', 'version', '1'],
  unknownWords: [],
  settings: DEFAULT_SETTINGS,
  tokens: ['M:4/4', 'K:Dmaj', 'd', 'e', 'f', 'g', '|'],
  prefixLength: 0,
  abc: 'X:1\nM:4/4\nK:D\ndefg|\n',
  stopped: 'end',
  modelSha256: 'sha-old',
  backend: 'wasm',
  parentId: null,
  origin: 'model',
  timings: null,
};
const OLD_NODE = node('n1', { prompt: 'a jig from the old journal database' });

test('history and journal stored by the two-database version are carried into the one database', async ({
  app,
  page,
}) => {
  // A same-origin page that runs no app code, to write the stores as the previous version left them.
  await page.goto('/favicon.svg');
  await page.evaluate(
    async ({ tune, journalNode }) => {
      const open = (name: string, create: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(name, 1);
          r.onupgradeneeded = () => create(r.result);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const write = (db: IDBDatabase, store: string, value: unknown) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const history = await open('apparatus', (db) =>
        db.createObjectStore('history', { keyPath: 'id' }).createIndex('createdAt', 'createdAt'),
      );
      await write(history, 'history', tune);
      history.close();
      const journal = await open('apparatus-journal', (db) => db.createObjectStore('nodes', { keyPath: 'id' }));
      await write(journal, 'nodes', journalNode);
      journal.close();
    },
    { tune: OLD_TUNE, journalNode: OLD_NODE },
  );

  await app.openReady();
  await expect(app.history.entries).toHaveCount(1);
  await expect(app.history.entries.first()).toContainText('a hornpipe kept since version 1');
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await views.open('Journal');
  await expect(journal.nodes).toHaveCount(1);
  await expect(journal.storage).toContainText('IndexedDB');

  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`));
  expect(databases).toEqual(['apparatus@3']);

  // A second visit reads the same, from the one database.
  await page.reload();
  await app.waitForModel();
  await expect(app.history.entries).toHaveCount(1);
  await views.open('Journal');
  await expect(journal.nodes).toHaveCount(1);
});
