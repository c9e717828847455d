import { expect, test } from './fixtures';

test('words outside the vocabulary are marked', async ({ app }) => {
  await app.openReady();
  await app.prompt.fill('a jig in G zorblax');
  await expect(app.prompt.chips).toHaveCount(5);
  await expect(app.prompt.unknownChips).toHaveCount(1);
  await expect(app.prompt.chip('zorblax')).toHaveAttribute('title', 'not in vocabulary');
  await expect(app.prompt.chip('jig')).toHaveAttribute('title', 'in vocabulary');
});

test('an empty prompt generates unconditionally', async ({ app }) => {
  await app.openReady();
  await app.prompt.fill('');
  await expect(app.prompt.unconditionalNote).toBeVisible();
  await expect(app.generateBar.generateButton).toHaveText('Generate (unconditional)');
  await app.controls.quick(3, 48);
  const tune = await app.generate();
  expect(tune.words).toEqual([]);
  expect(tune.tokens.length).toBeGreaterThan(2);
});

test('emoji, HTML-like text and very long prompts are handled as plain text', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.openReady();
  await app.controls.quick(9, 48);

  await app.prompt.fill('🎻🎶 jig 🇮🇪');
  await expect(app.prompt.chips).toHaveCount(1);
  await app.generate();

  const html = '<img src=x onerror=alert(1)>';
  await app.prompt.fill(html);
  await expect(app.prompt.input).toHaveValue(html);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await app.generate();
  await expect(app.history.entries.first()).toContainText('<img src=x');
  await expect(page.locator('img')).toHaveCount(0);

  const long = 'reel '.repeat(2000);
  expect(long.length).toBe(10_000);
  await app.prompt.fill(long);
  await expect(app.prompt.truncatedNote).toContainText('truncated to 32 words');
  await expect(app.prompt.chips).toHaveCount(32);
  const tune = await app.generate();
  expect(tune.words).toHaveLength(32);
  expect(dialogs).toEqual([]);
});
