import { readFile } from 'node:fs/promises';
import { expect, test, type App } from './fixtures';
import { JournalView } from './pages/JournalView';
import { ViewsPanel } from './pages/ViewsPanel';

const AIR = 'a slow air in E minor';
const REEL = 'a reel in G major';

/** The air (seed 41, temperature 0.7), then the reel (seed 42, temperature 1.1), which stays on show. */
async function airThenReel(app: App) {
  await app.openReady();
  await app.prompt.fill(AIR);
  await app.controls.quick(41, 48);
  await app.controls.temperature.fill('0.7');
  const air = await app.generate();
  await app.prompt.fill(REEL);
  await app.controls.quick(42, 48);
  await app.controls.temperature.fill('1.1');
  const reel = await app.generate();
  return { air, reel };
}

/** The prompt box, the seed and the settings store all hold what the tune was written from. */
async function expectSettingsOf(app: App, tune: { prompt: string; settings: { seed: number } }) {
  await expect(app.prompt.input).toHaveValue(tune.prompt);
  await expect(app.controls.seed).toHaveValue(String(tune.settings.seed));
  expect((await app.state()).settings).toEqual(tune.settings);
  await expect(app.prompt.tunePromptNote).toHaveCount(0);
}

test('an older tune opened from History brings back its prompt and settings; its continuation and export name them', async ({
  app,
}) => {
  const { air } = await airThenReel(app);
  await app.history.entry(AIR).last().click();
  expect((await app.state()).current!.id).toBe(air.id);
  await expectSettingsOf(app, air);
  await expect(app.controls.temperature).toHaveValue('0.7');

  await app.score.continueFromEdit.click();
  const continued = await app.waitForTune(air.id);
  expect(continued.prompt).toBe(AIR);
  expect(continued.parentId).toBe(air.id);
  await expect(app.history.entries.first()).toContainText(`${AIR}continued`);

  const abc = await readFile((await (await app.exports.download('ABC')).path())!, 'utf8');
  expect(abc).toContain(`% prompt: ${AIR}\n`);
  expect(abc).toMatch(new RegExp(`^T:${AIR}$`, 'm'));
  expect(abc).not.toContain(REEL);
});

test('after a reload, and from a journal node, the tune comes back with its prompt; an edited prompt is pointed out', async ({
  app,
  page,
}) => {
  const { air, reel } = await airThenReel(app);
  await page.reload();
  await app.waitForModel();
  await app.history.entry(AIR).last().click();
  await expectSettingsOf(app, air);

  // A continuation from a selected bar reads the tune's own prompt, not the page's default one.
  await app.score.clickNote(app.score.noteInMeasure(1).first());
  await app.score.continueHere.click();
  const continued = await app.waitForTune(air.id);
  expect(continued.prompt).toBe(AIR);
  expect(continued.parentId).toBe(air.id);

  // Typing another prompt is allowed, and the page says the tune on show was written from another one.
  await app.prompt.fill('a jig');
  await expect(app.prompt.tunePromptNote).toContainText(`The tune on show was written from “${AIR}”`);
  await app.prompt.bringPromptBack.click();
  await expect(app.prompt.input).toHaveValue(AIR);
  await expect(app.prompt.tunePromptNote).toHaveCount(0);

  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await views.open('Journal');
  await journal.openNode(/seed 41 -> 42/);
  expect((await app.state()).current!.id).toBe(reel.id);
  await expectSettingsOf(app, reel);
});
