import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CataloguePanel } from './pages/CataloguePanel';
import { ViewsPanel } from './pages/ViewsPanel';

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The region's left and right edges lie on the screen. */
async function expectWithinScreen(region: Locator): Promise<void> {
  const box = (await region.boundingBox())!;
  expect(box.x, `${String(region)} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${String(region)} right edge`).toBeLessThanOrEqual(WIDTH);
}

test('the main flow on a phone: nothing scrolls sideways and the score stays readable', async ({ app, page }) => {
  await app.openReady();
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);

  await app.prompt.fill('a lively jig in d major');
  await app.controls.quick(11, 96);
  const first = await app.generate();
  for (const region of [app.prompt.root, app.generateBar.root, app.score.root, app.player.root, app.exports.root])
    await expectWithinScreen(region);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);

  // Readable: the score wraps to more lines rather than shrinking; a note head keeps its drawn size.
  const head = (await app.score.score.locator('svg .abcjs-notehead').first().boundingBox())!;
  expect(head.height).toBeGreaterThanOrEqual(7);
  await expectWithinScreen(app.score.score.locator('svg'));

  await app.player.play.click();
  await expect(app.player.state).toHaveText('Playing');
  await app.player.stop.click();
  await app.score.clickNote(app.score.noteInMeasure(1).first());
  await expect(app.score.selection).toContainText('selected');
  await app.score.continueHere.click();
  await app.waitForTune(first.id);
  const download = await app.exports.download('ABC');
  expect(download.suggestedFilename()).toMatch(/\.abc$/);

  const views = new ViewsPanel(page);
  await views.open('Attention vs occlusion');
  await expect(views.diffraction.getByTestId('diffraction-agreement')).toBeVisible({ timeout: 60_000 });
  await expectWithinScreen(views.diffraction.getByTestId('diffraction-side-a'));
  await expectWithinScreen(views.diffraction.getByTestId('diffraction-side-b'));

  const catalogue = new CataloguePanel(page);
  await catalogue.rows.first().click();
  await expect(catalogue.detail).toBeVisible();
  await expectWithinScreen(catalogue.detail);
  await expectWithinScreen(catalogue.credits);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
});
