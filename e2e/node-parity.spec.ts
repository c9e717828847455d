import { loadNodeModel } from '../cli/nodeModel';
import { generate } from '../src/runtime/decode';
import { expect, test } from './fixtures';

// The browser (onnxruntime-web, WASM) and the CLI (onnxruntime-node) run the same decoding code over the same
// files: the same prompt, seed and settings must give the same tokens on both.
test('Chromium WASM writes the same tokens as onnxruntime-node for the same prompt, seed and settings', async ({
  app,
  page,
}) => {
  await app.openReady();
  await expect(page.getByTestId('backend-info')).toContainText('WASM');
  await app.prompt.fill('a slow air in G minor');
  await app.controls.quick(31, 160);
  const tune = await app.generate();
  expect(tune.tokens.length).toBeGreaterThan(20);

  const model = await loadNodeModel();
  const node = await generate(
    model.runner,
    model.vocab,
    model.vocab.encodePrompt(tune.prompt),
    tune.tokens.slice(0, tune.prefixLength),
    tune.settings,
  );
  expect(tune.modelSha256).toBeTruthy();
  expect(node.tokens).toEqual(tune.tokens);
});
