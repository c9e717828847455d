import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { CataloguePanel } from './pages/CataloguePanel';
import { EmbeddingMapPanel } from './pages/EmbeddingMapPanel';
import { NeighboursPanel } from './pages/NeighboursPanel';
import { expect, test } from './fixtures';

const entries = (
  JSON.parse(readFileSync(join(process.cwd(), 'public/corpus/catalogue.json'), 'utf8')) as {
    entries: CatalogueEntry[];
  }
).entries;
const byId = new Map(entries.map((e) => [e.id, e]));

/** The commonest non-empty value of a field: the legend lists it first. */
function commonest(value: (e: CatalogueEntry) => string | null): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const v = value(e);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

test('the embedding map draws every catalogue tune, recolours, and names its axes', async ({ app, page }) => {
  const map = new EmbeddingMapPanel(page);
  await app.open();
  await expect(map.canvas).toBeVisible();
  expect(await map.pointCount()).toBe(entries.length);
  await expect(map.caption).toContainText(
    /first two principal components of the music embeddings \(\d+\.\d% and \d+\.\d% of variance\)/,
  );
  await expect(map.generation).toContainText('No generation on the map');

  await expect(map.legend.getByRole('listitem').first()).toContainText(commonest((e) => e.type));
  await expect(map.legend).toContainText('no type given');
  await map.colour.selectOption('key');
  await expect(map.legend.getByRole('listitem').first()).toContainText(commonest((e) => e.key));
  await expect(map.legend).not.toContainText('no type given');
  await map.colour.selectOption('collection');
  await expect(map.legend.getByRole('listitem').first()).toContainText(commonest((e) => e.credits.collection));
});

test('hovering a dot shows its title; clicking plays it and opens it in the catalogue', async ({ app, page }) => {
  const map = new EmbeddingMapPanel(page);
  const catalogue = new CataloguePanel(page);
  await app.open();
  await expect(map.canvas).toBeVisible();
  const point = await map.hoverSample();
  const entry = byId.get(point.id)!;
  await expect(map.tooltip).toContainText(entry.titles[0]);
  await expect(map.tooltip).toContainText(entry.key);

  // Moving off the dot hides an unpinned tooltip; a click pins it (and starts playback).
  const away = await map.pagePoint(2, 2);
  await page.mouse.move(away.x, away.y);
  await expect(map.tooltip).toBeHidden();
  const at = await map.pagePoint(point.x, point.y);
  await page.mouse.click(at.x, at.y);
  await expect(map.tooltip.getByRole('button', { name: 'Stop' })).toBeVisible();
  await map.tooltip.getByRole('button', { name: 'Stop' }).click();
  await expect(map.tooltip.getByRole('button', { name: 'Play' })).toBeVisible();
  await map.tooltip.getByRole('button', { name: 'Open in catalogue' }).click();
  await expect(catalogue.detail.getByRole('heading', { level: 3 })).toHaveText(entry.titles[0]);

  // The map and the catalogue share one player: a tune started in the catalogue ends the map's.
  await map.tooltip.getByRole('button', { name: 'Play' }).click();
  await expect(map.tooltip.getByRole('button', { name: 'Stop' })).toBeVisible();
  await catalogue.detail.getByRole('button', { name: 'Play' }).click();
  await expect(catalogue.detail.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(map.tooltip.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('the map zooms with the wheel, the buttons and the keyboard, and resets', async ({ app, page }) => {
  const map = new EmbeddingMapPanel(page);
  await app.open();
  await expect(map.canvas).toBeVisible();
  await expect(map.reset).toBeDisabled();
  const before = await map.sample();

  await map.wheel(-500);
  await expect.poll(() => map.zoom()).toBeGreaterThan(1.5);
  await expect(map.reset).toBeEnabled();
  expect(await map.sample()).not.toEqual(before);
  // A dot reported while zoomed is still where hovering finds it.
  const zoomed = await map.hoverSample();
  await expect(map.tooltip).toContainText(byId.get(zoomed.id)!.titles[0]);

  await map.reset.click();
  await expect.poll(() => map.zoom()).toBe(1);
  expect(await map.sample()).toEqual(before);

  await map.zoomIn.click();
  await expect.poll(() => map.zoom()).toBe(1.5);
  await map.canvas.focus();
  await page.keyboard.press('0');
  await expect.poll(() => map.zoom()).toBe(1);
  await page.keyboard.press('ArrowRight');
  await expect(map.tooltip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(map.tooltip).toBeHidden();
});

test('the map names the measure of its ringed tunes and switches it, with the neighbours panel', async ({
  app,
  page,
}) => {
  const map = new EmbeddingMapPanel(page);
  const neighbours = new NeighboursPanel(page);
  await app.openReady();
  await app.prompt.fill('a lively reel in D major');
  await app.controls.quick(5, 96);
  await app.generate();
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });
  await expect(map.measure).toHaveValue('ngram');
  await expect(map.legend).toContainText('its 10 nearest by melodic n-gram overlap');

  await map.measure.selectOption('music');
  await expect(neighbours.measure(/music embedding/)).toBeChecked();
  await neighbours.list.and(page.locator('[data-measure="music"][data-query-ms]')).waitFor({ timeout: 60_000 });
  await expect(map.legend).toContainText('its 10 nearest by music embedding');
  await expect(map.generation).toContainText('nearest training tunes by music embedding');

  // Switching in the neighbours panel moves the map's choice too.
  await neighbours.useMeasure(/melodic n-gram overlap/, 'ngram');
  await expect(map.measure).toHaveValue('ngram');
});
