import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('history survives a reload and reopens a tune', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a polka for the history test');
  await app.controls.quick(101, 48);
  const first = await app.generate();
  await app.prompt.fill('a waltz for the history test');
  const second = await app.generate();
  await expect(app.history.entries).toHaveCount(2);
  await expect(app.history.storage).toContainText('IndexedDB');

  await page.reload();
  await app.waitForModel();
  await expect(app.history.entries).toHaveCount(2);
  await expect(app.history.entries.nth(0)).toContainText('a waltz for the history test');
  await expect(app.history.entries.nth(1)).toContainText('a polka for the history test');

  await app.history.entries.nth(1).click();
  const state = await app.state();
  expect(state.current!.id).toBe(first.id);
  expect(state.current!.tokens).toEqual(first.tokens);
  expect(state.current!.settings.seed).toBe(101);
  expect(state.current!.modelSha256).toBe(first.modelSha256);
  await expect(app.score.notes.first()).toBeVisible();
  expect(second.id).not.toBe(first.id);
});

test('when IndexedDB cannot open, history stays in memory with a warning and can be downloaded', async ({
  app,
  page,
}) => {
  await page.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('IndexedDB disabled by the test', 'SecurityError');
    };
  });
  await app.openReady();
  await expect(app.history.warning).toContainText('kept in memory');
  await expect(app.history.storage).toContainText('memory');
  await app.controls.quick(5, 32);
  const tune = await app.generate();
  await expect(app.history.entries).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent('download'), app.history.downloadJson.click()]);
  const json = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(json.storage).toBe('memory');
  expect(json.entries).toHaveLength(1);
  expect(json.entries[0].tokens).toEqual(tune.tokens);
  expect(json.entries[0].modelSha256).toBe(tune.modelSha256);
});

test('when the storage quota is exceeded, history moves to memory with a warning', async ({ app, page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.openReady();
  await app.controls.quick(6, 32);
  await app.generate();
  await expect(app.history.warning).toContainText('quota');
  await expect(app.history.storage).toContainText('memory');
  await expect(app.history.entries).toHaveCount(1);
  await app.generate();
  await expect(app.history.entries).toHaveCount(2);
});
