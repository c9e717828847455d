import { readFile } from 'node:fs/promises';
import { barNumberOf, mapTune, notesInMeasure } from '../src/app/tuneMap';
import { expect, test } from './fixtures';
import { ViewsPanel } from './pages/ViewsPanel';

test('the attention map and its score are linked both ways, and export PNG and CSV', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a lively jig in d major');
  await app.controls.quick(11, 64);
  const tune = await app.generate();
  const views = new ViewsPanel(page);
  const view = views.attention;
  await expect(view.label).toContainText('mean cross-attention, all layers, all heads');
  await expect(view.label).toContainText("mean over each bar's tokens");
  const map = mapTune(tune.tokens);
  expect(map.measures.length).toBeGreaterThanOrEqual(2);

  // Hover a bar row: the notes of that bar are marked in the score.
  await view.hoverRow(1);
  await expect(view.hoverText).toContainText(`bar ${barNumberOf(map, 1)} `);
  await expect(view.hovered).toHaveCount(notesInMeasure(map, 1).length);

  // Click a note in the score: its bar's row is selected in the map (and in the tune's selection).
  const notes = notesInMeasure(map, 0);
  await view.clickNote(view.notes.nth(notes[0]));
  await expect(view.selected).toContainText(`Selected row: bar ${barNumberOf(map, 0)}`);
  expect((await app.state()).selectedMeasure).toBe(0);
  await expect(view.selectedNotes).toHaveCount(notes.length);

  // Click a map row: the bar is selected in the tune and its notes in the linked score.
  await view.clickRow(1);
  await expect(view.selected).toContainText(`Selected row: bar ${barNumberOf(map, 1)}`);
  expect((await app.state()).selectedMeasure).toBe(1);

  // Click a word: every note is coloured by its attention to that word.
  await view.wordButton('jig').click();
  await expect(view.wordButton('jig')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.colouring).toContainText('to ‘jig’');
  await expect(view.colouredNotes).toHaveCount(await view.notes.count());

  // The settings come from the interpreter's spec; the label follows them.
  await view.settings.getByLabel('Layers').selectOption('one');
  await view.settings.getByLabel('Layer', { exact: true }).fill('2');
  await view.settings.getByLabel('Heads').selectOption('one');
  await view.settings.getByLabel('Scale').selectOption('row');
  await expect(view.label).toContainText('cross-attention, layer 2, head 1');
  await expect(view.label).toContainText('each row scaled to sum 1');
  await view.settings.getByLabel('Layers').selectOption('rollout');
  await expect(view.label).toContainText('rolled out over layers (residual share 0.5)');
  await view.settings.getByLabel('Rows').selectOption('token');
  await expect(view.label).toContainText(`${tune.tokens.length} tokens × 6 words`);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    view.root.getByRole('button', { name: 'Export map as CSV' }).click(),
  ]);
  const text = await readFile((await csv.path())!, 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toMatch(/^"cross-attention, rolled out over layers.*",a,lively,jig,in,d,major$/);
  expect(lines).toHaveLength(tune.tokens.length + 1);

  // The per-token map is taller than its box; its colour scale sits outside it, from 0 to the map's largest value.
  const values = lines.slice(1).flatMap((l) => l.split(',').slice(-6).map(Number));
  await expect(view.legend).toBeVisible();
  await expect(view.legend).toContainText('colour scale');
  await expect(view.legendValues.first()).toHaveText('0');
  const top = Number(await view.legendValues.last().textContent());
  expect(top).toBeCloseTo(Math.max(...values), 2);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    view.root.getByRole('button', { name: 'Export map as PNG' }).click(),
  ]);
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(png.suggestedFilename()).toMatch(/^attention-.*-11\.png$/);
});

test('during playback the bar being played is marked in the map', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a reel in g major');
  await app.controls.quick(12, 64);
  await app.generate();
  const view = new ViewsPanel(page).attention;
  await expect(view.label).toBeVisible();
  await app.player.play.click();
  await expect(view.selected).toContainText(/Playing: bar \d+/, { timeout: 30_000 });
  await app.player.stop.click();
});
