import { expect, test, type App } from './fixtures';
import { AxeScan } from './pages/AxeScan';
import { CataloguePanel } from './pages/CataloguePanel';
import { EmbeddingMapPanel } from './pages/EmbeddingMapPanel';
import { KioskPanel } from './pages/KioskPanel';
import { NeighboursPanel } from './pages/NeighboursPanel';
import { ResetControl } from './pages/ResetControl';
import { ViewsPanel, type ViewTabName } from './pages/ViewsPanel';

const VIEW_TABS: readonly ViewTabName[] = [
  'Cross-attention map',
  'Prompt perturbation',
  'Guidance sweep',
  'Attention vs occlusion',
  'Journal',
];

/** Fails with every serious or critical violation axe finds in the page's present state. */
async function expectNoBlockingViolations(axe: AxeScan, state: string, within?: string): Promise<void> {
  expect(await axe.blockingViolations(within), `axe-core in state "${state}"`).toEqual([]);
}

// axe-core reads every node of a page that holds scores, a catalogue and a map: each scan takes a while.
test.describe.configure({ timeout: 360_000 });

async function tuneShown(app: App): Promise<void> {
  await app.prompt.fill('a lively reel in D major');
  await app.controls.quick(5, 24);
  await app.generate();
  await expect(app.score.notes.first()).toBeVisible();
}

test('the main panels pass axe-core: empty, generating, tune shown, reset asked', async ({ app, page }) => {
  const axe = new AxeScan(page);
  await app.open();
  await expectNoBlockingViolations(axe, 'empty, model loading');
  await app.waitForModel();
  await expectNoBlockingViolations(axe, 'model loaded');

  // Seed 23 writes one of the model's longest tunes for the default prompt with fit-bars off (e2e/cancel.spec.ts):
  // a short one, on warmed code, could end before the page is seen generating.
  await app.controls.quick(23, 510);
  await app.controls.fitBars.uncheck();
  await app.generateBar.generateButton.click();
  await page.waitForFunction(() => window.__apparatus!.state().streaming);
  await expectNoBlockingViolations(axe, 'generating');
  await app.waitForTune(null);

  await tuneShown(app);
  await expectNoBlockingViolations(axe, 'tune shown');

  const reset = new ResetControl(page);
  await reset.open.click();
  await expectNoBlockingViolations(axe, 'reset asked', 'header');
  await reset.cancel.click();
  await page.getByRole('button', { name: 'About' }).click();
  await expectNoBlockingViolations(axe, 'about open');
});

test('each interpretation view passes axe-core when open', async ({ app, page }) => {
  const axe = new AxeScan(page);
  const views = new ViewsPanel(page);
  await app.openReady();
  await tuneShown(app);
  await expect(views.attention.map).toBeVisible();
  for (const tab of VIEW_TABS) {
    await views.open(tab);
    await expect(views.root.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectNoBlockingViolations(axe, `view "${tab}" open`, '[data-testid="views-panel"]');
  }
  await views.open('Prompt perturbation');
  await views.perturbation.regenerate("without 'reel'").click();
  await expect(views.perturbation.scoreB.locator('svg .abcjs-note').first()).toBeVisible();
  await expectNoBlockingViolations(axe, 'perturbation A/B shown', '[data-testid="views-panel"]');
});

test('neighbours, catalogue and map pass axe-core', async ({ app, page }) => {
  const axe = new AxeScan(page);
  await app.openReady();
  await tuneShown(app);
  const neighbours = new NeighboursPanel(page);
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });
  await neighbours.title(neighbours.items.first()).click();
  await expect(neighbours.ab).toBeVisible();
  await expectNoBlockingViolations(axe, 'neighbours with A/B');

  const catalogue = new CataloguePanel(page);
  await catalogue.search.fill('reel');
  await catalogue.rows.first().click();
  await expect(catalogue.detail).toBeVisible();
  await expectNoBlockingViolations(axe, 'catalogue tune open');

  const map = new EmbeddingMapPanel(page);
  await expect(map.canvas).toBeVisible();
  await expectNoBlockingViolations(axe, 'embedding map');
});

test('workshop mode passes axe-core: its settings, the kiosk layout and the idle countdown', async ({ app, page }) => {
  const axe = new AxeScan(page);
  const kiosk = new KioskPanel(page);
  await app.openReady();
  await kiosk.settingsButton.click();
  await expectNoBlockingViolations(axe, 'workshop settings open', 'header');

  await kiosk.open(2, 30);
  await app.waitForModel();
  await expect(kiosk.bar).toBeVisible();
  await expectNoBlockingViolations(axe, 'kiosk layout');
  await app.controls.quick(7, 24);
  await kiosk.preset('Waltz').click();
  await app.waitForTune(null);
  await expect(kiosk.countdown).toBeVisible({ timeout: 10_000 });
  await expectNoBlockingViolations(axe, 'idle countdown', '.idle-countdown');
});

test('the scan itself reports a serious violation when one is on the page', async ({ app, page }) => {
  const axe = new AxeScan(page);
  await app.open();
  // A button with no name, added by the test: the check above would fail on such a control in the app.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'axe-probe';
    probe.append(document.createElement('button'));
    document.body.append(probe);
  });
  expect(await axe.blockingViolations('#axe-probe')).toEqual([expect.stringMatching(/^critical button-name: /)]);
});
