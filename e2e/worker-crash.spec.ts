import { expect, test } from './fixtures';

test('a crashed worker is restarted and the model reloaded, keeping the page state', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a march before the crash');
  await app.controls.quick(55, 48);
  const before = await app.generate();

  await page.evaluate(() => window.__apparatus!.crashWorker());
  await expect(page.getByTestId('notices')).toContainText('crashed');
  await expect(page.getByTestId('notices')).toContainText('loaded again');

  const state = await app.state();
  expect(state.model.ready).toBe(true);
  expect(state.current!.id).toBe(before.id);
  await expect(app.prompt.input).toHaveValue('a march before the crash');
  await expect(app.history.entries).toHaveCount(1);

  const after = await app.generate();
  expect(after.tokens).toEqual(before.tokens);
});

test('a crash during generation loses only that tune', async ({ app, page }) => {
  await app.openReady();
  await app.controls.quick(56, 510);
  await app.controls.fitBars.uncheck();
  await app.generateBar.generateButton.click();
  await page.waitForFunction(() => window.__apparatus!.state().streamTokens >= 4);
  await page.evaluate(() => window.__apparatus!.crashWorker());
  await expect(app.score.error).toContainText('crashed');
  await expect(page.getByTestId('notices')).toContainText('loaded again');
  await app.controls.maxTokens.fill('32');
  const tune = await app.generate();
  expect(tune.tokens.length).toBeGreaterThan(2);
});
