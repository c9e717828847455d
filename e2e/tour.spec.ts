import { expect, test } from './fixtures';

/** Takes the screenshot the README's tour shows, so the picture always matches the shipped app. */
test('tour screenshot of a generated tune', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a lively jig in d major');
  await app.controls.quick(3, 160);
  await app.generateBar.generateButton.click();
  const tune = await app.waitForTune();
  expect(tune.tokens.length).toBeGreaterThan(10);
  await expect(app.score.notes.first()).toBeVisible();
  await page.screenshot({ path: 'docs/tour.png', fullPage: false });
});
