import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { tokensToAbc } from '../src/tokenizer/musicTokens';
import { expect, test } from './fixtures';
import { CataloguePanel } from './pages/CataloguePanel';
import { EmbeddingMapPanel } from './pages/EmbeddingMapPanel';
import { NeighboursPanel } from './pages/NeighboursPanel';

/** A training tune of eight bars or more, read from the shipped catalogue (it may be rebuilt). */
function trainingTune(): CatalogueEntry {
  const { entries } = JSON.parse(readFileSync(join(process.cwd(), 'public/corpus/catalogue.json'), 'utf8')) as {
    entries: CatalogueEntry[];
  };
  const entry = entries.find(
    (e) => e.split === 'train' && e.tokens.length < 200 && e.tokens.filter((t) => t === '|').length >= 8,
  );
  if (!entry) throw new Error('no short training tune in the catalogue');
  return entry;
}

test('switching measures relabels the list and marks how ranks moved', async ({ app, page }) => {
  const neighbours = new NeighboursPanel(page);
  await app.openReady();
  await app.prompt.fill('a lively reel in D major');
  await app.controls.quick(5, 96);
  await app.generate();

  await expect(neighbours.measure(/melodic n-gram overlap/)).toBeChecked();
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });
  await expect(neighbours.label).toContainText("share of the query's melodic");
  await expect(neighbours.items.first()).toContainText("% of the query's figures");
  await expect(neighbours.copy).toContainText(/\d+ of \d+ bars found in/);

  await neighbours.overlapScore.selectOption('jaccard');
  await expect(neighbours.label).toContainText('Jaccard overlap');
  await expect(neighbours.items.first()).toContainText('figure Jaccard');
  await expect(neighbours.overlap).toContainText(/\d+ of 10 tunes in both top 10/);

  // The vector measures read the tune once in the worker, then rank the whole catalogue.
  for (const [label, measure, item] of [
    [/music embedding/, 'music', /music cosine -?\d\.\d{3}/],
    [/gradient influence/, 'gradient', /gradient cosine -?\d\.\d{3} \(estimate\)/],
    [/text embedding/, 'text', /text cosine -?\d\.\d{3}/],
  ] as const) {
    await neighbours.useMeasure(label, measure);
    await expect(neighbours.items).toHaveCount(10);
    await expect(neighbours.items.first()).toContainText(item);
    await expect(neighbours.overlap).toContainText(/Overlap with the previous list .*: \d+ of 10 tunes in both top 10/);
    await expect(neighbours.rankMarks).toHaveCount(10);
    await expect(neighbours.rankMarks.first()).toHaveText(/same rank|was #\d+|new \(was/);
    await expect(neighbours.root.getByTestId('gradient-caveat')).toHaveCount(measure === 'gradient' ? 1 : 0);
    await expect(neighbours.timing).toContainText(
      /Ranked [\d,]+ tunes in \d+\.\d ms in the neighbour worker; query vectors read in \d+ ms/,
    );
  }
  await expect(neighbours.label).toContainText('text embedding: centred cosine of mean-pooled encoder memory');

  // The embedding map places the tune by its music embedding and rings the neighbours on show.
  const map = new EmbeddingMapPanel(page);
  await expect(map.generation).toContainText(/is placed at PC1 -?\d+\.\d\d, PC2 -?\d+\.\d\d/);
  await expect(map.generation).toContainText('Its 10 nearest training tunes by text embedding');
});

test('a neighbour plays A/B against the tune with shared passages marked in both scores, and opens in the catalogue', async ({
  app,
  page,
}) => {
  const neighbours = new NeighboursPanel(page);
  const catalogue = new CataloguePanel(page);
  await app.openReady();
  await app.prompt.fill('a jig in G');
  await app.controls.quick(11, 128);
  await app.generate();
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });

  const first = neighbours.items.first();
  const title = (await neighbours.title(first).textContent())!;
  await neighbours.title(first).click();
  await expect(neighbours.ab).toContainText(`A/B: this tune against #1 ${title}`);
  await expect(neighbours.scoreA.locator('svg .abcjs-note').first()).toBeVisible();
  await expect(neighbours.scoreB.locator('svg .abcjs-note').first()).toBeVisible();
  // The n-gram measure's first neighbour shares at least one figure, so both scores carry marks.
  await expect(neighbours.passages).toContainText(/A bars? \d+.* = B bars? \d+/);
  expect(await neighbours.scoreA.locator('svg .abcjs-note.ap-shared').count()).toBeGreaterThan(0);
  expect(await neighbours.scoreB.locator('svg .abcjs-note.ap-shared').count()).toBeGreaterThan(0);

  await neighbours.ab.getByRole('button', { name: 'Play B' }).click();
  await expect(neighbours.ab.getByTestId('neighbour-ab-audio')).toContainText(/Rendering B|Playing B/);
  await neighbours.ab.getByRole('button', { name: 'Stop A/B' }).click();
  await expect(neighbours.ab.getByRole('alert')).toHaveCount(0);

  await neighbours.openInCatalogue(first).click();
  await expect(catalogue.detail.getByRole('heading', { level: 3 })).toHaveText(title);
});

test('a tune copied from the catalogue is flagged in the panel and in its export provenance', async ({ app, page }) => {
  const source = trainingTune();
  const neighbours = new NeighboursPanel(page);
  await app.openReady();
  await app.controls.quick(3, 32);
  const generated = await app.generate();

  await app.score.abcText.fill(tokensToAbc(source.tokens));
  await app.score.applyEdit.click();
  await app.waitForTune(generated.id);
  await expect(neighbours.copyFlag).toBeVisible({ timeout: 60_000 });
  await expect(neighbours.copyFlag).toContainText('Possible copy');
  await expect(neighbours.copyFlag).toContainText(source.titles[0]);

  const abc = await readFile((await (await app.exports.download('ABC')).path())!, 'utf8');
  expect(abc).toMatch(new RegExp(`% copy-flag: possible copy: .*catalogue id ${source.id}`));
});

test('the about page explains the gradient estimate and its limits', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByTestId('about-panel');
  await expect(about.getByRole('heading', { name: 'Gradient influence: how it is estimated' })).toBeVisible();
  await expect(about).toContainText('seeded sparse random projection');
  await expect(about.getByRole('heading', { name: 'Known limits' })).toBeVisible();
  await expect(about).toContainText('Only the output layer');
});

test('the neighbour indexes are built at a pause, not under a tune pressed for at once', async ({ app, page }) => {
  const neighbours = new NeighboursPanel(page);
  const indexRequests: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/corpus/neighbours')) indexRequests.push(Date.now());
  });
  await app.openReady();
  await app.prompt.fill('a lively reel in D major');
  await app.controls.quick(5, 48);
  await app.generate();
  // Generate again at once, with a long tune: nothing of the indexes is fetched while it is written.
  await app.controls.quick(6, 510);
  await app.controls.fitBars.uncheck();
  await app.generate();
  expect(indexRequests).toEqual([]);
  await expect(neighbours.items.first()).toBeVisible({ timeout: 60_000 });
  expect(indexRequests.length).toBeGreaterThan(0);
});
