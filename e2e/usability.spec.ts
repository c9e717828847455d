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

test('a meter and key that differ from the prompt are pointed out, and pinning them writes the tune again', async ({
  app,
}) => {
  await app.openReady();
  await app.prompt.fill('a jig in G');
  await app.controls.quick(6, 40);
  // Pins that disagree with the words make the difference certain, whatever the model would choose.
  await app.controls.meter.selectOption('4/4');
  await app.controls.key.selectOption('D');
  await app.controls.mode.selectOption('maj');
  const first = await app.generate();
  expect(first.tokens.slice(0, 2)).toEqual(['M:4/4', 'K:Dmaj']);
  await expect(app.score.askDifferences).toContainText('The prompt asks for meter 6/8; this tune is written in 4/4');
  await expect(app.score.askDifferences).toContainText('the key G major; this tune is written in D major');

  await app.score.pinAndRegenerate().click();
  const second = await app.waitForTune(first.id);
  expect(second.tokens.slice(0, 2)).toEqual(['M:6/8', 'K:Gmaj']);
  await expect(app.controls.meter).toHaveValue('6/8');
  await expect(app.controls.key).toHaveValue('G');
  await expect(app.score.askDifferences).toHaveCount(0);
});

test('unknown words are explained in place, and a near known word can take their place', async ({ app }) => {
  await app.openReady();
  await app.prompt.fill('a rainny reel in dmajor');
  await expect(app.prompt.unknownChips).toHaveCount(2);
  await expect(app.prompt.unknownLegend).toContainText("not in the model's vocabulary");
  await expect(app.prompt.chip('rainny')).toHaveAccessibleDescription(/not in the model's vocabulary/);

  await app.prompt.suggestion('rainy').click();
  await expect(app.prompt.input).toHaveValue('a rainy reel in dmajor');
  await app.prompt.suggestion('d major').click();
  await expect(app.prompt.input).toHaveValue('a rainy reel in d major');
  await expect(app.prompt.unknownChips).toHaveCount(0);
  await expect(app.prompt.unknownLegend).toHaveCount(0);
});

test('the simple controls are in front; length in bars and safe ↔ adventurous set the sampling settings', async ({
  app,
}) => {
  await app.openReady();
  await expect(app.controls.lengthBars).toBeVisible();
  await expect(app.controls.adventure).toBeVisible();
  await expect(app.controls.temperature).toBeHidden();
  await expect(app.controls.maxTokens).toBeHidden();

  await app.controls.adventure.fill('0');
  await app.controls.openAdvanced();
  await expect(app.controls.temperature).toHaveValue('0.6');
  await expect(app.controls.topP).toHaveValue('0.85');
  await expect(app.controls.adventureValues).toContainText('temperature 0.6 and top-p 0.85');
  await expect(app.controls.temperature).toHaveAccessibleDescription(/likeliest token/);

  // 4 bars of a jig (6/8) take 2 header tokens and 28 for the bars; the tune stops there or sooner.
  await app.prompt.fill('a jig in G');
  await app.controls.seed.fill('8');
  // A length out of range holds Generate back and names the field as it is labelled.
  await app.controls.lengthBars.fill('0');
  await expect(app.generateBar.reason).toHaveText('Fix the settings first: Length (bars).');
  await app.controls.lengthBars.fill('4');
  await expect(app.controls.lengthBars).toHaveAccessibleDescription(/about 4 bars of 6\/8 \(token limit 30\)/);
  const tune = await app.generate();
  expect(tune.settings.maxTokens).toBe(30);
  expect(tune.settings.temperature).toBe(0.6);
  expect(tune.tokens.length).toBeLessThanOrEqual(30);
  await expect(app.controls.maxTokens).toHaveValue('30');

  // Setting the token limit by hand takes over from the bars.
  await app.controls.maxTokens.fill('24');
  await expect(app.controls.lengthBars).toHaveAccessibleDescription(/from the token limit of 24/);
  expect((await app.generate()).settings.maxTokens).toBe(24);
});

test('while the model loads, the download, the preparing of the model and the warm-up each show their progress', async ({
  app,
  page,
}) => {
  // Record every text the load steps show, since each lasts only a moment on a fast machine.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { loadStepTexts: string[] }).loadStepTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="load-steps"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // The files arrive in a blink from localhost; holding back the last one (vocab.json) keeps the bytes on show.
  await page.route('**/models/vocab.json', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await app.openReady();
  const texts = await page.evaluate(() => (window as unknown as { loadStepTexts: string[] }).loadStepTexts);
  expect(texts).toContainEqual(expect.stringMatching(/Download: \S+: [\d.]+ MB of [\d.]+ MB/));
  // A session is made as soon as its file is in, so the decoder may be built while the encoder still downloads.
  expect(texts).toContainEqual(expect.stringMatching(/Preparing the model: building the music decoder/));
  expect(texts).toContainEqual(
    expect.stringMatching(/Preparing the model ✓Warm-up: a short trial decode, step \d of 2/),
  );
});
