import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { INSTRUMENT_NAMES } from '../src/audio/instruments';
import { ORT_FILES } from '../scripts/ortAssets';
import { expect, test, type App } from './fixtures';
import { CataloguePanel } from './pages/CataloguePanel';
import { KioskPanel } from './pages/KioskPanel';
import { NeighboursPanel } from './pages/NeighboursPanel';
import { UpdatePrompt } from './pages/UpdatePrompt';

test.use({ serviceWorkers: 'allow' });

/** A cache the hand-written worker before Workbox left behind, which the new one must evict. */
const LEGACY_CACHE = 'apparatus-0.1.0-0123456789ab';

/** Every file the app needs offline, as paths under the site root (public/ is copied into the build whole). */
function neededFiles(): string[] {
  const under = (dir: string) => readdirSync(join('public', dir)).map((f) => `${dir}/${f}`);
  const samples = JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  return [
    ...under('models'),
    ...under('corpus'),
    'samples/manifest.json',
    ...Object.values(samples).flatMap((notes) => Object.values(notes).map((f) => `samples/${f}`)),
    ...ORT_FILES.map((f) => `ort/${f}`),
    'index.html',
  ];
}

/** The paths the service worker's precache holds, without Workbox's revision parameter. */
function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
    const keys = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return keys.map((r) => new URL(r.url).pathname.slice(1));
  });
}

/** The first visit: the worker installs, precaching every file, and takes the page. */
async function installVisit(app: App, page: Page): Promise<void> {
  await app.openReady();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one install visit the whole app works with the network off', async ({ app, page, context }) => {
  // One visit installs the whole build, then the test writes and plays a tune and reads the neighbours and catalogue.
  test.setTimeout(240_000);
  // An earlier build's cache, as the worker before Workbox kept it.
  await page.goto('/favicon.svg');
  await page.evaluate((name) => caches.open(name).then((c) => c.put('/old', new Response('old'))), LEGACY_CACHE);

  await installVisit(app, page);
  const kiosk = new KioskPanel(page);
  await kiosk.settingsButton.click();
  await expect(kiosk.offlineInstall).toContainText('Offline copy: ready');
  expect(await page.evaluate(() => caches.keys())).not.toContain(LEGACY_CACHE);
  const kept = await precached(page);
  for (const file of neededFiles()) expect(kept, `precached ${file}`).toContain(file);
  expect(kept.some((f) => /^assets\/model\.worker-.*\.js$/.test(f))).toBe(true);

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
  await app.prompt.fill('a jig in A minor');
  await app.controls.quick(9, 24);
  const tune = await app.generate();
  expect(tune.tokens.length).toBeGreaterThan(4);
  await expect(app.score.notes.first()).toBeVisible();

  // Every instrument's samples come from the precache: each one sounds, live and rendered.
  for (const instrument of INSTRUMENT_NAMES) {
    await app.player.instrument.selectOption(instrument);
    const audio = await page.evaluate(() => window.__apparatus!.renderAudio());
    expect(audio?.rms, `${instrument} rendered`).toBeGreaterThan(0.001);
    await app.player.play.click();
    await expect(app.player.state).toHaveText('Playing');
    await app.player.stop.click();
    await expect(app.player.state).toHaveText('Stopped');
    await expect(app.player.root.getByRole('alert')).toHaveCount(0);
  }

  // The neighbours, by melodic overlap and by a precomputed vector index.
  const neighbours = new NeighboursPanel(page);
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });
  await neighbours.useMeasure(/music embedding/, 'music');
  await expect(neighbours.items).toHaveCount(10);

  // The catalogue, searched and opened.
  const catalogue = new CataloguePanel(page);
  await expect(catalogue.count).toContainText(' tunes');
  await catalogue.search.fill('reel');
  await expect(catalogue.rows.first()).toBeVisible();
  await catalogue.rows.first().click();
  await expect(catalogue.detail).toBeVisible();
});

/**
 * Deploys "a new version" on the server under test: its sw.js gains a line, as it does whenever any precached
 * file's revision changes. (Playwright's routing does not see the browser's update check for the worker script.)
 */
async function withNewDeployment(run: () => Promise<void>): Promise<void> {
  const file = join('dist', 'sw.js');
  const deployed = readFileSync(file, 'utf8');
  writeFileSync(file, `${deployed}\n// the next deployment\n`);
  try {
    await run();
  } finally {
    writeFileSync(file, deployed);
  }
}

test('a new deployment waits for the visitor, who is asked, and then takes over', async ({ app, page }) => {
  await installVisit(app, page);
  const prompt = new UpdatePrompt(page);
  await expect(prompt.root).toBeHidden();

  await withNewDeployment(async () => {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(prompt.root).toBeVisible();
    // "Later" leaves the running version in charge.
    await prompt.later.click();
    await expect(prompt.root).toBeHidden();
    const waiting = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting));
    expect(waiting).toBe(true);

    // The next page load asks again; agreeing reloads the page under the new worker.
    await page.reload();
    await expect(prompt.root).toBeVisible();
    await page.evaluate(() => ((window as { beforeUpdate?: boolean }).beforeUpdate = true));
    await Promise.all([page.waitForEvent('load'), prompt.update.click()]);
    await page.waitForFunction(() => (window as { beforeUpdate?: boolean }).beforeUpdate === undefined);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const switched = await page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((r) => r?.waiting === null && r.active !== null),
    );
    expect(switched).toBe(true);
    await expect(prompt.root).toBeHidden();
    expect((await app.waitForModel()).error).toBeNull();
  });
});
