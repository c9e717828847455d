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
