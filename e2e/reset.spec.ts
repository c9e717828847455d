import { expect, test } from './fixtures';
import { ResetControl } from './pages/ResetControl';

test('reset for the next person erases history and journal after saying so, and keeps the model', async ({
  app,
  page,
}) => {
  const reset = new ResetControl(page);
  await app.openReady();
  await app.prompt.fill('a march for the reset test');
  await app.controls.quick(12, 32);
  await app.generate();
  await expect(app.history.entries).toHaveCount(1);

  // Cancel changes nothing.
  await reset.open.click();
  await expect(reset.confirm).toContainText('history (1 tune)');
  await expect(reset.confirm).toContainText('journal (1 step)');
  await reset.cancel.click();
  await expect(app.history.entries).toHaveCount(1);

  await reset.open.click();
  await reset.erase.click();
  await expect(reset.status).toContainText('history and journal erased');
  await expect(app.history.entries).toHaveCount(0);
  const state = await app.state();
  expect(state.current).toBeNull();
  expect(state.journal.nodes).toHaveLength(0);
  expect(state.model.ready).toBe(true);
  await expect(app.prompt.input).toHaveValue('a lively reel in D major');
  await expect(app.controls.seed).toHaveValue(String(state.settings.seed));

  // Erased from storage too, and the next person can generate straight away.
  await page.reload();
  await app.waitForModel();
  await expect(app.history.entries).toHaveCount(0);
  expect((await app.state()).journal.nodes).toHaveLength(0);
  await app.controls.quick(13, 24);
  await app.generate();
  await expect(app.history.entries).toHaveCount(1);
});

test('the reset button stays where it is in the header while asking and after the reset', async ({ app, page }) => {
  const reset = new ResetControl(page);
  await app.openReady();
  const place = await reset.buttonPlace();
  await reset.open.click();
  await expect(reset.confirm).toBeVisible();
  expect(await reset.buttonPlace()).toEqual(place);
  await reset.erase.click();
  await expect(reset.status).toContainText('history and journal erased');
  expect(await reset.buttonPlace()).toEqual(place);
  // The status sits over the page until it is dismissed.
  await reset.status.getByRole('button', { name: 'OK' }).click();
  await expect(reset.status).toBeHidden();
  expect(await reset.buttonPlace()).toEqual(place);
});
