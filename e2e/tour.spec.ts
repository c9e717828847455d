import { expect, test } from './fixtures';
import { EmbeddingMapPanel } from './pages/EmbeddingMapPanel';
import { NeighboursPanel } from './pages/NeighboursPanel';

/** Takes the screenshots the README's tour shows, so the pictures always match the shipped app. */
test('tour screenshots of a generated tune, its nearest training tunes and the embedding map', async ({
  app,
  page,
}) => {
  await app.openReady();
  await app.prompt.fill('a lively jig in d major');
  await app.controls.quick(3, 160);
  await app.generateBar.generateButton.click();
  const tune = await app.waitForTune();
  expect(tune.tokens.length).toBeGreaterThan(10);
  await expect(app.score.notes.first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/tour.png', fullPage: false });

  const neighbours = new NeighboursPanel(page);
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });
  await neighbours.useMeasure(/music embedding/, 'music');
  await neighbours.title(neighbours.items.first()).click();
  await expect(neighbours.scoreB.locator('svg .abcjs-note').first()).toBeVisible();
  await neighbours.root.screenshot({ path: 'docs/tour-neighbours.png' });

  const map = new EmbeddingMapPanel(page);
  await expect(map.generation).toContainText('is placed at');
  await map.root.screenshot({ path: 'docs/tour-map.png' });
});
