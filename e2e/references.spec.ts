import { readFile } from 'node:fs/promises';
import { MAX_REF_TOKENS, type Reference } from '../src/music/excerpt';
import { abcToTokens } from '../src/tokenizer/musicTokens';
import { expect, test } from './fixtures';
import { JournalView } from './pages/JournalView';
import { ViewsPanel } from './pages/ViewsPanel';
import { sampleReferences } from './sampleReferences';

/** The map's columns for a reference: its meter and key, then one per bar. */
const columns = (r: Reference) => r.last - r.first + 2;

test('a tune written with references keeps them through the views, the export, replay and a reload', async ({
  app,
  page,
}) => {
  const refs = sampleReferences();
  const [catalogued, own] = refs;
  await app.openReady();
  await app.prompt.fill('a jig in d');
  await app.controls.quick(9, 48);
  await app.setReferences(refs);
  const tune = await app.generate();
  expect(tune.references).toEqual(refs);
  // The memory holds the 4 words, then each reference's tokens in order.
  const memory = (await app.lastGeneration())!.memory;
  expect(memory.textLength).toBe(4);
  expect(memory.references.map((r) => r.start)).toEqual([4, 4 + catalogued.tokens.length]);
  expect(memory.length).toBe(4 + catalogued.tokens.length + own.tokens.length);

  // The attention map reads the tune with its references: one column per reference bar after the words.
  const view = new ViewsPanel(page).attention;
  await expect(view.references).toContainText(`ref 1: ${catalogued.source.title}, bars 1-2; ref 2: Own tune, bars 1-3`);
  await expect(view.label).toContainText(`4 words + ${columns(catalogued) + columns(own)} reference columns`);
  await view.wordButton('ref 2 · bar 2').click();
  await expect(view.colouring).toContainText('to ‘ref 2 · bar 2’');
  await expect(view.colouredNotes).toHaveCount(await view.notes.count());

  // The same seed and references write the same tune.
  const again = await app.generate();
  expect(again.tokens).toEqual(tune.tokens);

  // The ABC export names both references: the catalogue tune with its credits, our ABC by a hash.
  const abc = await readFile((await (await app.exports.download('ABC')).path())!, 'utf8');
  expect(abc).toContain('% references: 2 excerpts read by the model beside the prompt');
  expect(abc).toContain(`% reference-1: catalogue ${catalogued.source.id}, "${catalogued.source.title}", bars 1-2`);
  expect(abc).toMatch(/% reference-2: user ABC \(sha256 of its tokens [0-9a-f]{64}\), "Own tune", bars 1-3/);
  expect(abcToTokens(abc)).toEqual(tune.tokens);

  // Replay writes both generations again from their recorded references.
  const journal = new JournalView(page);
  await new ViewsPanel(page).open('Journal');
  await journal.replay.click();
  await expect(journal.report).toContainText(
    'Replayed 2 generations from their recorded prompt, seed and settings: 2 ✓, 0 ✗',
  );

  // History keeps the references: reopened after a reload, the map reads the tune with them again.
  await page.reload();
  await app.waitForModel();
  await app.history.entries.first().click();
  expect((await app.state()).current!.references).toEqual(refs);
  await expect(view.references).toContainText('ref 2: Own tune, bars 1-3');
});

test('a reference longer than the model reads is refused with a message, and the next tune is written', async ({
  app,
}) => {
  const [catalogued] = sampleReferences();
  const tokens = [...catalogued.tokens.slice(0, 2), ...Array<string>(MAX_REF_TOKENS + 4).fill('A')];
  await app.openReady();
  await app.controls.quick(5, 32);
  await app.setReferences([{ ...catalogued, tokens }]);
  await app.generateBar.generateButton.click();
  await expect(app.score.error).toContainText(
    `reference 1 has ${tokens.length} tokens; a reference holds 1 to ${MAX_REF_TOKENS} (choose fewer bars)`,
  );
  await app.setReferences([]);
  const tune = await app.generate();
  expect(tune.references).toEqual([]);
});
