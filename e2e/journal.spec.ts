import { readFile } from 'node:fs/promises';
import { expect, freshProfileApp, test, type App } from './fixtures';
import { JournalView } from './pages/JournalView';
import { ViewsPanel } from './pages/ViewsPanel';

/** Two generations with the same seed, the second at guidance 3, and a note on the first. */
async function twoNodes(app: App, views: ViewsPanel, journal: JournalView) {
  await app.openReady();
  await app.prompt.fill('a jig for the journal');
  await app.controls.quick(41, 48);
  await app.generate();
  await app.controls.guidance.fill('3');
  await app.generate();
  await views.open('Journal');
  await expect(journal.nodes).toHaveCount(2);
  await expect(journal.node('guidance 1.5 -> 3')).toHaveCount(1);
  await journal.select('start');
  await journal.write('The second bar leans towards a reel, to my ear.');
  await expect(journal.notes).toHaveCount(1);
  await expect(journal.notes.first()).toContainText('you ·');
}

test('notes survive a reload and an export/import round trip', async ({ app, page, browser }) => {
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await twoNodes(app, views, journal);
  await expect(journal.storage).toContainText('IndexedDB');

  await page.reload();
  await app.waitForModel();
  await views.open('Journal');
  await expect(journal.nodes).toHaveCount(2);
  await journal.select('start');
  await expect(journal.notes.first()).toContainText('The second bar leans towards a reel, to my ear.');

  const download = await journal.export();
  const text = await readFile((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('apparatus-journal');
  expect(file.nodes).toHaveLength(2);

  // A fresh browser profile: nothing stored; the import brings the tree and the notes.
  const { context, page: other, app: app2 } = await freshProfileApp(browser);
  const views2 = new ViewsPanel(other);
  const journal2 = new JournalView(other);
  await views2.open('Journal');
  await expect(journal2.nodes).toHaveCount(0);
  await journal2.import('journal.json', text);
  await expect(journal2.importResult).toHaveText('Imported 2 new nodes, replaced 0.');
  await expect(journal2.nodes).toHaveCount(2);
  await journal2.select('start');
  await expect(journal2.notes.first()).toContainText('The second bar leans towards a reel, to my ear.');
  await journal2.openNode('guidance 1.5 -> 3');
  const s = await app2.state();
  expect(s.current!.settings.guidance).toBe(3);
  expect(s.current!.tokens).toEqual(file.nodes[1].tokens);
  await context.close();
});

test('a malformed journal file is refused with its problems and changes nothing', async ({ app, page }) => {
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await twoNodes(app, views, journal);
  const before = (await app.state()).journal;
  const file = JSON.parse(await readFile((await (await journal.export()).path())!, 'utf8'));
  file.nodes[1].settings.temperature = 7;
  file.nodes[0].notes[0].author = 'the model';
  file.nodes.push({ ...file.nodes[0], id: 'extra', parentId: 'nowhere' });
  await journal.import('bad.json', JSON.stringify(file));
  await expect(journal.importErrors).toContainText('the journal is unchanged');
  await expect(journal.importErrors).toContainText('nodes[1].settings.temperature must be a number from 0 to 2');
  await expect(journal.importErrors).toContainText('nodes[0].notes[0].author must be "you"');
  await journal.import('not-json.json', '{"format": "apparatus-journal", ');
  await expect(journal.importErrors).toContainText('the file is not valid JSON');
  await journal.import('other.json', '{"hello": 1}');
  await expect(journal.importErrors).toContainText('format must be "apparatus-journal"');
  expect((await app.state()).journal).toEqual(before);
  await expect(journal.nodes).toHaveCount(2);
});

test('a 50 MB journal file is refused at once, before it is read, and the page stays responsive', async ({
  app,
  page,
}) => {
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await app.openReady();
  await views.open('Journal');
  const before = (await app.state()).journal;
  // A file the schema would take (no nodes, a long extra field): only the size cap refuses it.
  const head = '{"format": "apparatus-journal", "version": 1, "nodes": [], "padding": "';
  const huge = Buffer.alloc(50_000_000, 'x');
  huge.write(head);
  huge.write('"}', huge.length - 2);
  await journal.import('huge.json', huge);
  await expect(journal.importErrors).toContainText(
    'The journal file is 50.0 MB, more than the 40.0 MB this app reads.',
    { timeout: 2_000 },
  );
  await expect(journal.importErrors).toContainText('the journal is unchanged');
  const t0 = Date.now();
  await app.prompt.fill('still answering');
  await expect(app.prompt.input).toHaveValue('still answering', { timeout: 1_000 });
  expect(Date.now() - t0).toBeLessThan(1_000);
  expect((await app.state()).journal).toEqual(before);
});

test('replay writes every generation again and reports all tokens match; nodes reopen with their views', async ({
  app,
  page,
}) => {
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await app.openReady();
  await app.prompt.fill('a slow air');
  await app.controls.quick(42, 48);
  const first = await app.generate();
  // Views set on the first node are kept on it.
  await views.open('Cross-attention map');
  await views.attention.settings.getByLabel('Layers').selectOption('max');
  await views.open('Prompt perturbation');
  await views.perturbation.regenerate("without 'slow'").click();
  await expect(views.perturbation.scoreB.locator('svg .abcjs-note').first()).toBeVisible();
  await app.prompt.fill('a fast reel');
  await app.generate();
  await views.open('Journal');
  await expect(journal.nodes).toHaveCount(3);

  await journal.replay.click();
  await expect(journal.report).toContainText(
    'Replayed 3 generations from their recorded prompt, seed and settings: 3 ✓, 0 ✗',
  );
  await expect(journal.replayMarks).toHaveCount(3);
  for (const mark of await journal.replayMarks.all()) await expect(mark).toHaveText('✓');

  await journal.openNode('start');
  const s = await app.state();
  expect(s.current!.id).toBe(first.id);
  expect(s.views.attention.layers).toBe('max');
  expect(s.views.tab).toBe('perturbation');
  await expect(views.perturbation.ab).toContainText("A/B: without 'slow'");
});

test('when IndexedDB cannot open, the journal stays in memory with a warning', async ({ app, page }) => {
  await page.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('IndexedDB disabled by the test', 'SecurityError');
    };
  });
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await app.openReady();
  await app.controls.quick(43, 32);
  await app.generate();
  await views.open('Journal');
  await expect(journal.storage).toContainText('Kept in memory only.');
  await expect(journal.root.getByTestId('journal-warning')).toContainText('export it as JSON to keep it');
  await expect(journal.nodes).toHaveCount(1);
  await journal.write('kept for this visit');
  await expect(journal.notes).toHaveCount(1);
});

test('opening nodes of an imported journal shows what was stored and runs nothing until asked', async ({
  app,
  page,
  browser,
}) => {
  const views = new ViewsPanel(page);
  const journal = new JournalView(page);
  await app.openReady();
  await app.prompt.fill('a slow air');
  await app.controls.quick(42, 48);
  await app.generate();
  await views.open('Prompt perturbation');
  await views.perturbation.readButton.click();
  await expect(views.perturbation.rows.first()).toBeVisible();
  await views.perturbation.regenerate("without 'slow'").click();
  await expect(views.perturbation.changedBars).toBeVisible();
  await views.open('Journal');
  await expect(journal.nodes).toHaveCount(3);
  const text = await readFile((await (await journal.export()).path())!, 'utf8');

  // A fresh profile, as for a colleague sent the file: nothing of this is in its caches.
  const { context, page: other, app: app2 } = await freshProfileApp(browser);
  const views2 = new ViewsPanel(other);
  const journal2 = new JournalView(other);
  await views2.open('Journal');
  await journal2.import('journal.json', text);

  // The regeneration comes on show as stored: no reading of it, no A/B of it against itself.
  await journal2.openNode("without 'slow'");
  const s = await app2.state();
  expect(s.current!.prompt).not.toContain('slow');
  expect(s.views.perturbation.read).toBe(false);
  expect(s.views.perturbation.compare).toBeNull();
  await views2.open('Prompt perturbation');
  await expect(views2.perturbation.ab).toHaveCount(0);
  await expect(views2.perturbation.rows).toHaveCount(0);

  // The reading's node brings its views back, held: reading and writing B wait for the user.
  await views2.open('Journal');
  await journal2.openNode(/likelihood reading/);
  await views2.open('Prompt perturbation');
  await expect(views2.perturbation.held).toBeVisible();
  await expect(views2.perturbation.abHeld).toBeVisible();
  await expect(views2.perturbation.rows).toHaveCount(0);
  await expect(views2.perturbation.changedBars).toHaveCount(0);
  await views2.perturbation.writeB.click();
  await expect(views2.perturbation.changedBars).toBeVisible();
  // Writing B is not asking for the reading: it stays held.
  await expect(views2.perturbation.held).toBeVisible();
  await expect(views2.perturbation.rows).toHaveCount(0);
  await views2.perturbation.readButton.click();
  await expect(views2.perturbation.rows.first()).toBeVisible();
  await context.close();
});
