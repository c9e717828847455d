import { expect, test } from './fixtures';
import { ViewsPanel } from './pages/ViewsPanel';

const NUMBER = /^[+-]?\d+\.\d\d$/;

test('the likelihood reading gives a number per left-out word, and becomes a journal node', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a slow jig in d');
  await app.controls.quick(21, 64);
  await app.generate();
  const views = new ViewsPanel(page);
  await views.open('Prompt perturbation');
  const view = views.perturbation;
  await view.readButton.click();
  await expect(view.rows).toHaveCount(5);
  await expect(
    view.root.getByText('change in log-probability of the existing tune, teacher-forced').first(),
  ).toBeVisible();
  for (let i = 0; i < 5; i++) await expect(view.rows.nth(i).locator('td.number')).toHaveText(NUMBER);
  await expect(view.rows.nth(2)).toContainText("without 'jig'");
  await expect(view.base).toContainText(/under the original prompt: -\d+\.\d\d/);
  await expect(view.root.getByTestId('likelihood-bars')).toBeVisible();
  const journal = (await app.state()).journal;
  expect(journal.nodes.map((n) => n.kind)).toEqual(['generation', 'reading']);
  expect(journal.nodes[1].edge).toBe('likelihood reading: each of 5 words left out');
  expect(journal.currentId).toBe(journal.nodes[1].id);

  // A replacement from the suggestions, read the same way.
  await view.mode('Replace a word').check();
  await view.root.getByLabel('Word to replace').selectOption({ label: '3: jig' });
  await view.root.getByRole('button', { name: 'reel', exact: true }).click();
  await view.readButton.click();
  await expect(view.rows).toHaveCount(1);
  await expect(view.rows.first()).toContainText("'jig' -> 'reel'");
  await expect(view.rows.first().locator('td.number')).toHaveText(NUMBER);
});

test('regenerating without a word shows A and B with the changed bars marked', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a lively reel in g major');
  await app.controls.quick(22, 64);
  const a = await app.generate();
  const views = new ViewsPanel(page);
  await views.open('Prompt perturbation');
  const view = views.perturbation;
  await view.regenerate("without 'reel'").click();
  await expect(view.ab).toContainText("A/B: without 'reel'");
  await expect(view.scoreA.locator('svg .abcjs-note').first()).toBeVisible();
  await expect(view.scoreB.locator('svg .abcjs-note').first()).toBeVisible();
  const text = (await view.changedBars.textContent()) ?? '';
  const changed = view.ab.locator('svg .abcjs-note.ap-changed');
  if (text.startsWith('Changed bars')) expect(await changed.count()).toBeGreaterThan(0);
  else expect(await changed.count()).toBe(0);
  await expect(view.summary.getByRole('row', { name: /^meter/ })).toBeVisible();
  await expect(view.summary.getByRole('row', { name: /note density/ })).toBeVisible();
  await expect(view.ab.getByRole('button', { name: 'Play A' })).toBeEnabled();
  await expect(view.ab.getByRole('button', { name: 'Play B' })).toBeEnabled();

  // The tune on show is still A; B is a child of A's node in the journal, with what changed on the edge.
  const state = await app.state();
  expect(state.current!.id).toBe(a.id);
  const b = state.journal.nodes.find((n) => n.kind === 'regeneration')!;
  expect(b.edge).toBe("without 'reel'");
  expect(b.parentId).toBe(state.journal.nodes.find((n) => n.kind === 'generation')!.id);
});

test('a guidance sweep writes the same seed at each value', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a hornpipe');
  await app.controls.quick(23, 48);
  await app.generate();
  const views = new ViewsPanel(page);
  await views.open('Guidance sweep');
  await views.sweep.getByLabel('Guidance values').fill('1, 3, 11');
  await expect(views.sweep.getByRole('alert')).toContainText("'11' is not a guidance value from 0 to 10.");
  await views.sweep.getByLabel('Guidance values').fill('1, 3');
  await views.sweep.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(views.sweep.getByTestId('sweep-card')).toHaveCount(2);
  await expect(views.sweep.getByTestId('sweep-summary')).toHaveCount(2, { timeout: 60_000 });
  const edges = (await app.state()).journal.nodes.filter((n) => n.kind === 'sweep').map((n) => n.edge);
  expect(edges).toEqual(['guidance 1.5 -> 1', 'guidance 1.5 -> 3']);
});

test('a sweep result plays from its card and opens as the tune on show, in history and the journal', async ({
  app,
  page,
}) => {
  await app.openReady();
  await app.prompt.fill('a hornpipe');
  await app.controls.quick(23, 48);
  const first = await app.generate();
  const views = new ViewsPanel(page);
  await views.open('Guidance sweep');
  await views.sweep.getByLabel('Guidance values').fill('1, 3');
  await views.sweep.getByRole('button', { name: 'Run the sweep' }).click();
  const card = views.sweepCard('3');
  await expect(card.getByTestId('sweep-summary')).toBeVisible({ timeout: 60_000 });

  await card.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(card.getByRole('button', { name: 'Stop', exact: true })).toBeVisible({ timeout: 30_000 });
  await card.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(card.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  await card.getByRole('button', { name: 'Open as the tune on show' }).click();
  await expect(app.history.entries).toHaveCount(2);
  const state = await app.state();
  expect(state.current!.id).not.toBe(first.id);
  expect(state.current!.settings).toEqual({ ...first.settings, guidance: 3 });
  const node = state.journal.nodes.find((n) => n.id === state.journal.currentId)!;
  expect([node.kind, node.edge]).toEqual(['sweep', 'guidance 1.5 -> 3']);
  // The sweep stays on show, now measured against the opened tune.
  await expect(card.getByTestId('sweep-summary')).toContainText('Same bars as the tune on show.');
  expect((await app.state()).journal.nodes.filter((n) => n.kind === 'sweep')).toHaveLength(2);
});
