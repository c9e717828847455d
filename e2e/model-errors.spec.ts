import { readFile } from 'node:fs/promises';
import type { ModelCard } from '../src/runtime/modelTypes';
import { loadPlan } from '../src/runtime/runtimeFiles';
import { expect, test } from './fixtures';

const card = async (): Promise<ModelCard> => JSON.parse(await readFile('public/models/model-card.json', 'utf8'));
/** The files a WASM page loads: the runtime form's (src/runtime/runtimeFiles.ts). */
const wasmFile = async (name: string) => loadPlan(await card(), 'wasm').files.find((f) => f.name === name)!;

test('a corrupt model file is named with its expected hash, and the rest of the app works', async ({ app, page }) => {
  const expected = (await wasmFile('decoder.runtime.weights')).sha256;
  // A first visit leaves a tune in history.
  await app.openReady();
  await app.controls.quick(12, 40);
  const saved = await app.generate();

  await page.route('**/models/decoder.runtime.weights', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length >> 1] ^= 0xff;
    await route.fulfill({ response, body });
  });
  await page.reload();
  const model = await app.waitForModel();
  expect(model.ready).toBe(false);
  const error = page.getByTestId('model-error');
  await expect(error).toContainText('decoder.runtime.weights is corrupt');
  await expect(error).toContainText(expected);
  await expect(error).toContainText('git checkout -- public/models');
  await expect(app.generateBar.generateButton).toBeDisabled();

  // History, the score, playback and ABC editing do not need the model.
  await app.history.entries.first().click();
  expect((await app.state()).current!.id).toBe(saved.id);
  await expect(app.score.notes.first()).toBeVisible();
  await app.player.play.click();
  await expect(app.player.state).toHaveText('Playing');
  await app.player.stop.click();
  await app.score.abcText.fill('X:1\nM:3/4\nL:1/8\nK:A\nA2 B2 c2|e4 c2|\n');
  await app.score.applyEdit.click();
  const edited = await app.waitForTune(saved.id);
  expect(edited.tokens.slice(0, 2)).toEqual(['M:3/4', 'K:Amaj']);
  await expect(app.score.continueFromEdit).toBeDisabled();

  // Once the file is fixed, "Try loading again" loads the model without a page reload.
  await page.unrouteAll({ behavior: 'wait' });
  await error.getByRole('button', { name: 'Try loading again' }).click();
  await expect(page.getByTestId('backend-info')).toContainText('Model ready');
  await expect(app.score.continueFromEdit).toBeEnabled();
});

test('a missing model file is named', async ({ app, page }) => {
  const expected = (await wasmFile('encoder.runtime.onnx')).sha256;
  await page.route('**/models/encoder.runtime.onnx', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await app.open();
  await app.waitForModel();
  const error = page.getByTestId('model-error');
  await expect(error).toContainText('encoder.runtime.onnx is missing (HTTP 404');
  await expect(error).toContainText(expected);
  await expect(error).toContainText('git checkout -- public/models');
  // Prompt chips still work: they need only the vocabulary.
  await app.prompt.fill('a reel qqqq');
  await expect(app.prompt.unknownChips).toHaveCount(1);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the model download reports byte progress', async ({ app, page }) => {
  // Slow the decoder down so the progress line is seen mid-download.
  await page.route('**/models/decoder.runtime.weights', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
  });
  await app.open();
  await expect(page.getByTestId('model-progress')).toContainText(/Loading .*MB of .*MB/);
  await app.waitForModel();
  await expect(page.getByTestId('backend-info')).toContainText('Model ready');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
