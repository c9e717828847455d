import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../pipeline/buildCorpus';
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

test('a generation lists its nearest training tunes by n-gram overlap, and switching the score relabels them', async ({
  app,
  page,
}) => {
  const catalogue = new CataloguePanel(page);
  await app.openReady();
  await app.prompt.fill('a lively reel in D major');
  await app.controls.quick(5, 96);
  await app.generate();

  await expect(catalogue.measure(/melodic n-gram overlap/)).toBeChecked();
  await expect(catalogue.measure(/gradient influence/)).toBeDisabled();
  await expect(catalogue.neighbours).toContainText('unavailable in the browser');
  await expect(catalogue.neighbourItems).toHaveCount(10, { timeout: 60_000 });
  await expect(catalogue.neighbourLabel).toContainText("share of the query's melodic");
  await expect(catalogue.neighbourItems.first()).toContainText("% of the query's figures");
  await expect(catalogue.copy).toContainText('Measurement');
  await expect(catalogue.copy).toContainText(/\d+ of \d+ bars found in/);

  await catalogue.overlapScore.selectOption('jaccard');
  await expect(catalogue.neighbourLabel).toContainText('Jaccard overlap');
  await expect(catalogue.neighbourItems.first()).toContainText('figure Jaccard');
  await expect(catalogue.overlap).toContainText(/\d+ of 10 tunes in both top 10/);

  // A neighbour opens in the catalogue.
  const title = (await catalogue.neighbourItems.first().getByRole('button').textContent())!;
  await catalogue.neighbourItems.first().getByRole('button').click();
  await expect(catalogue.detail.getByRole('heading', { level: 3 })).toHaveText(title);
});
