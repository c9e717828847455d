import { expect, test } from './fixtures';
import { KioskPanel } from './pages/KioskPanel';

test('a preset writes a tune in one press; the idle countdown can be cancelled, and when it runs it erases the visit', async ({
  app,
  page,
}) => {
  const kiosk = new KioskPanel(page);
  await kiosk.open(3, 6);
  await app.waitForModel();
  await expect(page.locator('.app.kiosk')).toBeVisible();
  await expect(kiosk.presets).toHaveCount(8);
  // Visitors cannot reach the workshop settings from the page.
  await expect(kiosk.settingsButton).toHaveCount(0);

  await app.controls.quick(7, 24);
  const before = (await app.state()).current?.id ?? null;
  await kiosk.preset('Jig').click();
  const tune = await app.waitForTune(before);
  expect(tune.prompt).toBe('a jig in A minor');
  await expect(kiosk.preset('Jig')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.history.entries).toHaveCount(1);

  // A quiet spell starts the countdown; the visitor stops it and keeps everything.
  await expect(kiosk.countdown).toBeVisible({ timeout: 10_000 });
  await expect(kiosk.stillHere).toBeFocused();
  const left = Number(await kiosk.secondsLeft.textContent());
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThanOrEqual(6);
  await kiosk.stillHere.click();
  await expect(kiosk.countdown).toBeHidden();
  await expect(app.history.entries).toHaveCount(1);
  expect((await app.state()).current?.id).toBe(tune.id);

  // Left alone, the countdown runs out and the next person finds a first visit's page.
  await expect(kiosk.countdown).toBeVisible({ timeout: 10_000 });
  await expect(kiosk.resetDone).toBeVisible({ timeout: 15_000 });
  await expect(kiosk.countdown).toBeHidden();
  await expect(app.history.entries).toHaveCount(0);
  const state = await app.state();
  expect(state.current).toBeNull();
  expect(state.journal.nodes).toHaveLength(0);
  await expect(app.prompt.input).toHaveValue('a lively reel in D major');
  await expect(kiosk.preset('Jig')).toHaveAttribute('aria-pressed', 'false');

  // Erased from storage too; workshop mode itself stays.
  await page.goto('/?backend=wasm');
  await app.waitForModel();
  await expect(kiosk.bar).toBeVisible();
  await expect(app.history.entries).toHaveCount(0);
  expect((await app.state()).journal.nodes).toHaveLength(0);
});

test('workshop mode is set up from the header, kept across visits, and left with ?kiosk=0', async ({ app, page }) => {
  const kiosk = new KioskPanel(page);
  await app.openReady();
  await expect(kiosk.bar).toBeHidden();
  await kiosk.settingsButton.click();
  await kiosk.idleField.fill('1');
  await expect(kiosk.start).toBeDisabled();
  await kiosk.idleField.fill('120');
  await kiosk.countdownField.fill('20');
  await kiosk.start.click();
  await expect(kiosk.bar).toBeVisible();
  await expect(kiosk.settingsButton).toHaveCount(0);

  await kiosk.fullscreen.click();
  await expect(kiosk.fullscreen).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await kiosk.fullscreen.click();
  await expect(kiosk.fullscreen).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(kiosk.bar).toBeVisible();
  await app.open('backend=wasm&kiosk=0');
  await expect(kiosk.bar).toBeHidden();
  await expect(kiosk.settingsButton).toBeVisible();
});

test('a bad workshop setting in the URL is named and the others still apply', async ({ app, page }) => {
  const kiosk = new KioskPanel(page);
  await app.open('backend=wasm&kiosk=1&idle=soon');
  await expect(kiosk.bar).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('Workshop mode: URL parameter idle=soon');
});
