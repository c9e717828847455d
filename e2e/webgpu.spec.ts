import type { Page } from '@playwright/test';
import type { Reference } from '../src/music/excerpt';
import { expect, test, type App } from './fixtures';
import { sampleReferences } from './sampleReferences';

const SEED = 321;
const TOKENS = 32;

async function adapter(page: Page): Promise<{ exists: boolean; fallback: boolean }> {
  return page.evaluate(async () => {
    const gpu = (
      navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean } } | null> } }
    ).gpu;
    const a = gpu ? await gpu.requestAdapter() : null;
    return { exists: a !== null, fallback: Boolean(a?.info?.isFallbackAdapter) };
  });
}

async function tuneOn(
  app: App,
  query: string,
  references: readonly Reference[] = [],
): Promise<{ tokens: readonly string[]; backend: string }> {
  await app.openReady(query);
  await app.prompt.fill('a jig in G major');
  await app.controls.quick(SEED, TOKENS);
  if (references.length) await app.setReferences(references);
  const tune = await app.generate();
  return { tokens: tune.tokens, backend: tune.backend };
}

test.describe('WebGPU', () => {
  test.setTimeout(240_000);

  test('forced WebGPU writes the same tokens as WASM for the same seed', async ({ app, page }) => {
    await app.open('backend=wasm');
    const found = await adapter(page);
    test.skip(!found.exists, 'this Chromium exposes no WebGPU adapter at all');
    const wasm = await tuneOn(app, 'backend=wasm');
    const gpu = await tuneOn(app, 'backend=webgpu');
    const info = page.getByTestId('backend-info');
    await expect(info).toContainText('WebGPU');
    await expect(info).toContainText(found.fallback ? 'software fallback adapter' : 'hardware adapter');
    expect(gpu.backend).toBe('webgpu');
    expect(wasm.backend).toBe('wasm');
    expect(gpu.tokens).toEqual(wasm.tokens);
  });

  test('with references, WebGPU writes the same tokens as WASM', async ({ app, page }) => {
    await app.open('backend=wasm');
    test.skip(!(await adapter(page)).exists, 'this Chromium exposes no WebGPU adapter at all');
    // Cross-attention then spans the words and the reference tokens, a longer memory than any prompt alone.
    const refs = sampleReferences();
    const wasm = await tuneOn(app, 'backend=wasm', refs);
    const gpu = await tuneOn(app, 'backend=webgpu', refs);
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.tokens).toEqual(wasm.tokens);
  });

  test('automatic choice never takes a fallback adapter', async ({ app, page }) => {
    await app.open('');
    const found = await adapter(page);
    test.skip(!found.exists, 'this Chromium exposes no WebGPU adapter at all');
    const model = await app.waitForModel();
    expect(model.backend).toBe(found.fallback ? 'wasm' : 'webgpu');
    if (found.fallback) expect(model.backendReason).toContain('software fallback');
  });

  test('a WebGPU failure mid-run falls back to WASM and finishes the tune', async ({ app, page }) => {
    await app.open('backend=wasm');
    const found = await adapter(page);
    test.skip(!found.exists, 'this Chromium exposes no WebGPU adapter at all');
    const wasm = await tuneOn(app, 'backend=wasm');
    await app.openReady('backend=webgpu');
    expect((await app.state()).model.backend).toBe('webgpu');
    await app.prompt.fill('a jig in G major');
    await app.controls.quick(SEED, TOKENS);
    await page.evaluate(() => window.__apparatus!.failWebGpuOnce());
    const tune = await app.generate();
    await expect(page.getByTestId('notices')).toContainText('fell back to WASM');
    await expect(page.getByTestId('backend-info')).toContainText('WASM');
    expect(tune.backend).toBe('wasm');
    expect(tune.tokens).toEqual(wasm.tokens);
  });
});
