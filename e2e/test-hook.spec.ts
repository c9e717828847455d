import { expect, test } from '@playwright/test';
import { EmbeddingMapPanel } from './pages/EmbeddingMapPanel';
import { GenerateBar } from './pages/GenerateBar';
import { NeighboursPanel } from './pages/NeighboursPanel';
import { ScorePanel } from './pages/ScorePanel';

// Plain Playwright, not ./fixtures: this page is opened as a visitor opens it, without the test hook's flag.
test('a plain visit installs no test hook and carries no test-only attributes, whatever its URL says', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&e2e=1');
  const bar = new GenerateBar(page);
  await expect(bar.generateButton).toBeEnabled({ timeout: 60_000 });
  await bar.generateButton.click();
  await expect(new ScorePanel(page).notes.first()).toBeVisible({ timeout: 60_000 });

  const neighbours = new NeighboursPanel(page);
  await expect(neighbours.items.first()).toBeVisible({ timeout: 60_000 });
  const map = new EmbeddingMapPanel(page);
  await expect(map.canvas).toBeVisible({ timeout: 60_000 });

  expect(await page.evaluate(() => 'window.__apparatus' in window || '__apparatus' in window)).toBe(false);
  for (const probe of [
    'data-query-ms',
    'data-vectors-ms',
    'data-index-ms',
    'data-sample',
    'data-zoom',
    'data-point-count',
  ])
    await expect(page.locator(`[${probe}]`), probe).toHaveCount(0);
});
