import { expect, test } from './fixtures';

test('while the vocabulary loads, the chips say so instead of calling it unavailable', async ({ app, page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/models/vocab.json', async (route) => {
    await held;
    await route.continue();
  });
  await app.open();
  await expect(app.prompt.vocabNote).toContainText('Loading the vocabulary');
  await expect(app.prompt.vocabNote).not.toContainText('not available');
  release();
  await expect(app.prompt.vocabNote).toHaveCount(0);
});

test('Play waits for a valid tempo and says why', async ({ app }) => {
  await app.openReady();
  await app.controls.quick(4, 32);
  await app.generate();
  await app.player.tempo.fill('2000');
  await expect(app.player.root.getByRole('alert')).toContainText('between 40 and 240');
  await expect(app.player.play).toBeDisabled();
  await expect(app.player.waits).toContainText('Play waits until the tempo is between 40 and 240');
  await app.player.tempo.fill('120');
  await expect(app.player.play).toBeEnabled();
  await expect(app.player.waits).toHaveCount(0);
});
