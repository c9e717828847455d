import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('a page opened once reloads and writes a tune with the network off', async ({ app, page, context }) => {
  await app.openReady();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first load ran before the service worker; the reload goes through it and leaves a copy of everything.
  await page.reload();
  expect((await app.waitForModel()).error).toBeNull();
  // One cache, named for this build (the app version and a hash of its files).
  expect(await page.evaluate(() => caches.keys())).toEqual([
    expect.stringMatching(/^apparatus-\d+\.\d+\.\d+-[0-9a-f]{12}$/),
  ]);

  await context.setOffline(true);
  // The network really is gone for the service worker too: a file it never kept cannot be fetched.
  const uncached = await page.evaluate(() =>
    fetch(`models/model-card.json?never-kept=${Date.now()}`).then(
      () => 'fetched',
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');

  await page.reload();
  expect((await app.waitForModel()).error).toBeNull();
  await app.controls.quick(9, 48);
  const tune = await app.generate();
  expect(tune.tokens.length).toBeGreaterThan(4);
  await expect(app.score.notes.first()).toBeVisible();
});
