import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { expect, test } from './fixtures';
import { CataloguePanel } from './pages/CataloguePanel';

/** A tune whose first title no other tune shares, read from the shipped catalogue (it may be rebuilt). */
function uniqueTune(): CatalogueEntry {
  const { entries } = JSON.parse(readFileSync(join(process.cwd(), 'public/corpus/catalogue.json'), 'utf8')) as {
    entries: CatalogueEntry[];
  };
  const counts = new Map<string, number>();
  for (const e of entries)
    for (const t of e.titles) counts.set(t.toLowerCase(), (counts.get(t.toLowerCase()) ?? 0) + 1);
  const entry = entries.find(
    (e) => e.titles[0] && e.titles[0].length > 6 && counts.get(e.titles[0].toLowerCase()) === 1,
  );
  if (!entry) throw new Error('no catalogue tune with a unique title');
  return entry;
}

test('catalogue search finds a known title and shows its score and credits', async ({ app, page }) => {
  const tune = uniqueTune();
  const catalogue = new CataloguePanel(page);
  await app.open();
  await expect(catalogue.count).toContainText(' tunes');
  await catalogue.search.fill(tune.titles[0]);
  await catalogue.filter('Collection').selectOption(tune.credits.collection);
  await catalogue.filter('Meter').selectOption(tune.meter);
  await expect(catalogue.rows.first()).toContainText(tune.titles[0]);
  await catalogue.rows.first().click();
  await expect(catalogue.detail.getByRole('heading', { level: 3 })).toHaveText(tune.titles[0]);
  await expect(catalogue.credits).toContainText(tune.credits.collection);
  await expect(catalogue.credits).toContainText(`no. ${tune.credits.number}`);
  if (tune.credits.encoder) await expect(catalogue.credits).toContainText(tune.credits.encoder);
  await expect(catalogue.detail.getByTestId('score').locator('svg .abcjs-note').first()).toBeVisible();
  await expect(catalogue.detail.getByRole('listitem').first()).toHaveText(tune.captions[0]);
  await expect(catalogue.detail.getByRole('button', { name: 'Play' })).toBeEnabled();

  // The list is virtualised: with the search cleared it mounts far fewer rows than the catalogue holds.
  await catalogue.search.fill('');
  await catalogue.filter('Collection').selectOption('');
  await catalogue.filter('Meter').selectOption('');
  await expect(catalogue.rows.first()).toBeVisible();
  expect(await catalogue.rows.count()).toBeLessThan(60);
});

test('the catalogue waits for the model, says so, and loads at once on request', async ({ app, page }) => {
  const catalogue = new CataloguePanel(page);
  const corpus: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/corpus/')) corpus.push(new URL(r.url()).pathname);
  });
  // The decoder's weights never arrive, so the model stays loading for as long as the test needs.
  await page.route('**/models/decoder.runtime.weights', () => undefined);
  await app.open();
  const waiting = catalogue.root.getByTestId('catalogue-waiting');
  await expect(waiting).toContainText('loads at the first pause once the model is ready');
  await expect(page.getByTestId('map-panel').getByTestId('catalogue-waiting')).toBeVisible();
  expect(corpus).toEqual([]);
  // The permitted uses hold their place while the rights registry waits for the catalogue: nothing below moves.
  await expect(page.getByTestId('permitted-uses-pending')).toBeVisible();
  const settingsTop = await app.controls.top();
  await waiting.getByRole('button', { name: 'Load it now' }).click();
  await expect(catalogue.count).toContainText(' tunes');
  await expect(page.getByTestId('permitted-uses')).toBeVisible();
  expect(await app.controls.top()).toBe(settingsTop);
  expect(corpus).toContain('/corpus/catalogue.json');
  expect((await app.state()).model.ready).toBe(false);
});
