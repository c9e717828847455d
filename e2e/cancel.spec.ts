import { expect, test } from './fixtures';

test('cancel stops a generation and keeps what was written', async ({ app }) => {
  await app.openReady();
  // Seed 23 writes one of the model's longest tunes for this prompt (486 tokens), so Cancel lands well before the end.
  await app.controls.quick(23, 510);
  await app.controls.fitBars.uncheck();
  await app.generateBar.generateButton.click();
  await app.generateBar.cancelAfter(6);
  const tune = await app.waitForTune();
  expect(tune.stopped).toBe('cancelled');
  expect(tune.tokens.length).toBeLessThan(510);
  await expect(app.score.status).toContainText('cancelled');
  await expect(app.generateBar.cancelButton).toBeHidden();
  await expect(app.generateBar.generateButton).toBeEnabled();
  // The worker is free again.
  await app.controls.maxTokens.fill('32');
  const next = await app.generate();
  expect(next.stopped).not.toBe('cancelled');
});
