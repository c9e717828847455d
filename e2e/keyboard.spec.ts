import { barNumberOf, mapTune } from '../src/app/tuneMap';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { retype, tabTo } from './keys';
import { NeighboursPanel } from './pages/NeighboursPanel';
import { ViewsPanel } from './pages/ViewsPanel';

test('the main flow by keyboard alone: type, generate, play, select a bar, continue, export', async ({ app, page }) => {
  await app.openReady();
  await tabTo(page, app.prompt.input, 30);
  await page.keyboard.type('a reel in g major');
  await tabTo(page, app.controls.seed, 30);
  await retype(page, '12');
  await tabTo(page, app.controls.seedLock, 5);
  await page.keyboard.press('Space');
  await tabTo(page, app.controls.lengthBars, 20, 'Shift+Tab');
  await retype(page, '8');
  await tabTo(page, app.generateBar.generateButton, 30, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const first = await app.waitForTune();
  const map = mapTune(first.tokens);
  expect(map.measures.length).toBeGreaterThanOrEqual(3);

  // The score is one Tab stop, not one per note: Generate to Play crosses the settings and the score once.
  await expect(app.generateBar.generateButton).toBeFocused();
  const presses = await tabTo(page, app.player.play, 20);
  expect(presses).toBeLessThanOrEqual(16);
  await page.keyboard.press('Space');
  await expect(app.player.state).toContainText(/Playing/i);
  await tabTo(page, app.player.stop, 10);
  await page.keyboard.press('Enter');

  // Back to the score: arrows move between bars, Enter selects the bar.
  await tabTo(page, app.score.score, 20, 'Shift+Tab');
  await expect(app.score.cursor).toHaveText(`Bar ${barNumberOf(map, 0)}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(app.score.cursor).toHaveText(`Bar ${barNumberOf(map, 1)}`);
  await expect(app.score.score.locator('svg .ap-cursor')).toBeVisible();
  await page.keyboard.press('Enter');
  expect((await app.state()).selectedMeasure).toBe(1);
  await expect(app.score.selection).toContainText(`Bar ${barNumberOf(map, 1)} selected`);
  await expect(app.score.selectedNotes().first()).toBeVisible();

  await tabTo(page, app.score.continueHere, 3);
  await page.keyboard.press('Enter');
  const next = await app.waitForTune(first.id);
  expect(next.parentId).toBe(first.id);
  expect(mapTune(next.tokens.slice(0, next.prefixLength)).measures).toHaveLength(2);

  await tabTo(page, app.exports.button('ABC'), 60);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.abc$/);
});

test('a pickup is bar 0, so the second full bar is bar 2, by mouse and by keyboard', async ({ app, page }) => {
  await app.open();
  await app.score.abcText.fill('X:1\nM:4/4\nL:1/8\nK:D\nFA|d2 A2 F2 A2|B2 G2 E4|d8|]\n');
  await app.score.applyEdit.click();
  const tune = await app.waitForTune();
  const map = mapTune(tune.tokens);
  expect(map.measures).toHaveLength(4);

  await app.score.clickNote(app.score.notes.nth(map.measureOfNote.indexOf(2)));
  expect((await app.state()).selectedMeasure).toBe(2);
  await expect(app.score.selection).toContainText('Bar 2 selected');

  await app.score.score.focus();
  await page.keyboard.press('Home');
  await expect(app.score.cursor).toHaveText('Bar 0');
  await page.keyboard.press('End');
  await expect(app.score.cursor).toHaveText('Bar 3');
});

/** The focused element shows a focus ring: an outline or a box shadow that is not none. */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  });

test('by keyboard alone: open a view and choose a neighbour, with the focus visible at each step', async ({
  app,
  page,
}) => {
  await app.openReady();
  await tabTo(page, app.prompt.input, 30);
  await page.keyboard.type('a jig in d major');
  await tabTo(page, app.generateBar.generateButton, 40);
  await page.keyboard.press('Enter');
  await app.waitForTune();

  const views = new ViewsPanel(page);
  await tabTo(page, views.tab('Prompt perturbation'), 80);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(views.tab('Prompt perturbation')).toHaveAttribute('aria-selected', 'true');
  await expect(views.perturbation.readButton).toBeVisible();

  const neighbours = new NeighboursPanel(page);
  await expect(neighbours.items.first()).toBeVisible({ timeout: 60_000 });
  await tabTo(page, neighbours.title(neighbours.items.first()), 150);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(neighbours.ab).toBeVisible();
});
