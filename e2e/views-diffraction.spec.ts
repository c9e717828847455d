import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { ViewsPanel } from './pages/ViewsPanel';

/** How many places apart each flagged word's two ranks are ("rank 1 by A, rank 3 by B" is 2). */
async function distances(items: Locator): Promise<number[]> {
  return (await items.allTextContents()).map((t) => {
    const m = /rank ([\d.]+) by A, rank ([\d.]+) by B/.exec(t)!;
    return Math.abs(Number(m[1]) - Number(m[2]));
  });
}

test('attention vs occlusion flags words from the rank distance the user sets, kept with the view', async ({
  app,
  page,
}) => {
  await app.openReady();
  await app.prompt.fill('a slow jig in d');
  await app.controls.quick(21, 64);
  await app.generate();
  const views = new ViewsPanel(page);
  await views.open('Attention vs occlusion');
  await expect(views.diffraction.getByTestId('diffraction-agreement')).toContainText('Spearman', { timeout: 60_000 });

  // By default a one-place difference (a near-tie) is not flagged.
  await expect(views.rankDistance).toHaveValue('2');
  for (const d of await distances(views.disagreements)) expect(d).toBeGreaterThanOrEqual(2);
  const byDefault = await views.disagreements.count();

  await views.rankDistance.fill('1');
  await expect.poll(async () => (await app.state()).views.diffraction.minRankDistance).toBe(1);
  await expect.poll(() => views.disagreements.count()).toBeGreaterThanOrEqual(byDefault);
  for (const d of await distances(views.disagreements)) expect(d).toBeGreaterThanOrEqual(1);

  // Five words are at most four places apart.
  await views.rankDistance.fill('5');
  await expect(views.diffraction.getByTestId('diffraction-no-disagreements')).toHaveText(
    'No word is ranked 5 places apart or more by the two sides.',
  );
  await expect(views.disagreements).toHaveCount(0);
});
