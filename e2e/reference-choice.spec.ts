import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { AboutPanel } from './pages/AboutPanel';
import { CataloguePanel } from './pages/CataloguePanel';
import { EmbeddingMapPanel } from './pages/EmbeddingMapPanel';
import { NeighboursPanel } from './pages/NeighboursPanel';
import { ReferencesArea } from './pages/ReferencesArea';
import { RightsPanel } from './pages/RightsPanel';

// Tunes and terms from the shipped demo registry (public/rights/registry.json).
const PLOUGH = 'Speed the Plough -- Reel'; // Ryan's: allowed, every use
const TOWN = 'The Boys of the Town'; // O'Neill's: at most 4 bars, no commercial use
const BLACKBIRD = 'The Blackbird'; // its own entry refuses use as a reference
const CUCKOO = 'The Pretty Cuckoo'; // opted out of training

const OWN_ABC = 'X:1\nT:Own Jig\nM:6/8\nL:1/8\nK:D\nABc def|gfe dcB|ABc def|gfe d3|\n';

test('choosing references: chips with credits and terms, consent enforced, permitted uses shown', async ({
  app,
  page,
}) => {
  const catalogue = new CataloguePanel(page);
  const refs = new ReferencesArea(page);
  await app.open();
  await expect(refs.none).toBeVisible();
  await expect(refs.use('commercial use')).toHaveText('commercial use: permitted');

  // A Ryan's tune, its default bars.
  await catalogue.openTune(PLOUGH);
  await expect(catalogue.rights).toContainText('Mammoth Fiddle Tunes Estate (simulated)');
  await catalogue.useAsReference.click();
  await expect(refs.chips).toHaveCount(1);
  await expect(refs.chip(PLOUGH)).toContainText('William Bradbury Ryan, editor, Boston 1883');
  await expect(refs.chip(PLOUGH)).toContainText('35% of the fee, by attribution share (simulated terms)');

  // An O'Neill's tune allows at most 4 bars: 1-6 typed is refused with the reason; bars 1-3 picked on the score pass.
  await catalogue.openTune(TOWN);
  await catalogue.barFrom.fill('1');
  await catalogue.barTo.fill('6');
  await catalogue.useAsReference.click();
  await expect(catalogue.referenceProblem).toContainText(
    "O'Neill Collection Society (simulated) allows at most 4 bars of this tune as a reference",
  );
  await expect(refs.chips).toHaveCount(1);
  await catalogue.clickNote(0); // the pickup: bar 1
  await catalogue.clickNote(7); // the first note of bar 3
  await expect(catalogue.barFrom).toHaveValue('1');
  await expect(catalogue.barTo).toHaveValue('3');
  await catalogue.useAsReference.click();
  await expect(refs.chips).toHaveCount(2);
  await expect(refs.chip(`${TOWN}, bars 1-3`)).toContainText("Francis O'Neill, collector, Chicago 1903");
  await expect(refs.chip(`${TOWN}, bars 1-3`)).toContainText('at most 4 bars');

  // Permitted uses, before generating: the most restrictive wins, and the reference that imposed it is named.
  await expect(refs.use('personal use')).toHaveText('personal use: permitted');
  await expect(refs.use('education')).toHaveText('education: permitted');
  await expect(refs.use('commercial use')).toHaveText(`commercial use: not permitted, withheld by ${TOWN}, bars 1-3`);
  await expect(refs.permitted).toContainText(
    "Condition from The Boys of the Town, bars 1-3: at most 4 bars, and the output names Francis O'Neill.",
  );

  // A tune whose terms forbid use as a reference cannot be chosen, and the reason is on show.
  await catalogue.openTune(BLACKBIRD);
  await expect(catalogue.useAsReference).toBeDisabled();
  await expect(catalogue.refusal).toHaveText(
    "O'Neill Collection Society (simulated) does not allow this tune as a reference: the transcriber's family has asked that this setting not be used to steer generations (simulated).",
  );
  await expect(catalogue.useAsReference).toHaveAccessibleDescription(/does not allow this tune as a reference/);
  await expect(refs.chips).toHaveCount(2);

  // ABC you paste is a third reference; it restricts nothing. A fourth is refused.
  await refs.pasteAbc(OWN_ABC);
  await expect(refs.chips).toHaveCount(3);
  await expect(refs.chip('Own Jig, bars 1-4')).toContainText('You (music you brought)');
  await refs.pasteAbc(OWN_ABC);
  await expect(refs.addAbcProblem).toHaveText('The model reads at most 3 references; remove one to add another.');

  // Removing the O'Neill's chip lifts its restriction.
  await refs.remove(`${TOWN}, bars 1-3`).click();
  await expect(refs.chips).toHaveCount(2);
  await expect(refs.use('commercial use')).toHaveText('commercial use: permitted');

  // The catalogue marks a training opt-out, in the list and on the tune.
  await catalogue.search.fill(CUCKOO);
  await expect(catalogue.row(CUCKOO)).toContainText('no training');
  await catalogue.openTune(CUCKOO);
  await expect(catalogue.rights.getByTestId('catalogue-training')).toContainText('opted out of training');

  // The About page says plainly that the terms are simulated.
  const about = new AboutPanel(page);
  await about.toggle.click();
  await expect(about.section('Rights, consent and references')).toContainText(
    'The terms shown here are simulated. Every tune in the catalogue is in the public domain',
  );
});

test('a researcher edits an entry: the edit is enforced, survives a reload and is exported; a bad file is refused', async ({
  app,
  page,
}) => {
  const catalogue = new CataloguePanel(page);
  const rights = new RightsPanel(page);
  await app.open();
  await expect(rights.notice).toContainText('Simulated terms. Every tune in this catalogue is in the public domain');
  await catalogue.openTune(BLACKBIRD);
  await expect(catalogue.useAsReference).toBeDisabled();

  // Allow the Blackbird as a reference.
  await expect(rights.target).toHaveValue('open-tune');
  await rights.referenceConsent.selectOption('allowed');
  await rights.save.click();
  await expect(rights.origin).toContainText('with edits made here');
  await expect(catalogue.useAsReference).toBeEnabled();

  // Kept across a reload.
  await page.reload();
  await catalogue.openTune(BLACKBIRD);
  await expect(catalogue.useAsReference).toBeEnabled();
  await expect(rights.origin).toContainText('with edits made here');

  // Exported with the edit.
  const file = await (await rights.export()).path();
  const exported = JSON.parse(await readFile(file!, 'utf8')) as {
    tunes: { tune: string; terms: { reference: { consent: string } } }[];
  };
  expect(exported.tunes.find((t) => t.tune === 'oneills1850-200')?.terms.reference.consent).toBe('allowed');

  // A file with a wrong type and an unknown tune is refused, naming both; the registry in force stays.
  const bad = structuredClone(exported) as Record<string, unknown> & { tunes: { tune: string }[] };
  bad.simulated = 'yes';
  await rights.fileInput.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(rights.fileErrors).toContainText('simulated: expected boolean, received string');
  bad.simulated = true;
  bad.tunes[0].tune = 'oneills1850-999999';
  await rights.fileInput.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(rights.fileErrors).toContainText('tunes[0].tune: unknown tune id "oneills1850-999999"');
  await expect(catalogue.useAsReference).toBeEnabled();

  // Chosen while allowed, then the shipped registry comes back and refuses it: Generate waits and says why.
  await catalogue.useAsReference.click();
  await expect(new ReferencesArea(page).chips).toHaveCount(1);
  await rights.backToShipped.click();
  await expect(catalogue.useAsReference).toBeDisabled();
  await app.waitForModel();
  await expect(app.generateBar.generateButton).toBeDisabled();
  await expect(app.generateBar.reason).toContainText(
    `${BLACKBIRD}, bars 1-4 can no longer be a reference (O'Neill Collection Society (simulated) does not allow this tune as a reference`,
  );
});

test('references chosen from the neighbours list, the A/B view and the map are what the next tune reads', async ({
  app,
  page,
}) => {
  // Two generations, the second with three references, on a machine shared with other runs.
  test.setTimeout(240_000);
  const neighbours = new NeighboursPanel(page);
  const map = new EmbeddingMapPanel(page);
  const refs = new ReferencesArea(page);
  await app.openReady();
  await app.prompt.fill('a jig in G');
  await app.controls.quick(11, 48);
  await app.generate();
  await expect(neighbours.items).toHaveCount(10, { timeout: 60_000 });

  // The first neighbour whose terms allow it, from the list; the next one, from its A/B view.
  const usable = neighbours.items.filter({ has: page.locator('button:enabled', { hasText: 'Use as reference' }) });
  await neighbours.useAsReference(usable.first()).click();
  await expect(refs.chips).toHaveCount(1);
  await neighbours.title(usable.nth(1)).click();
  await neighbours.useAsReference().click();
  await expect(refs.chips).toHaveCount(2);

  // A dot on the map, pinned by a click (which also plays it).
  await expect.poll(async () => (await map.sample()).length).toBeGreaterThan(0);
  const point = await map.hoverSample();
  const at = await map.pagePoint(point.x, point.y);
  await page.mouse.click(at.x, at.y);
  await map.tooltip.getByRole('button', { name: 'Stop' }).click();
  await map.useAsReference.click();
  await expect(refs.chips).toHaveCount(3);

  // The tune written next reads exactly the chosen references, in order.
  const chips = await refs.chips.locator('.reference-title').allTextContents();
  const tune = await app.generate();
  expect(
    (tune.references ?? []).map(
      (r) => `${r.source.title}, ${r.first === r.last ? `bar ${r.first}` : `bars ${r.first}-${r.last}`}`,
    ),
  ).toEqual(chips);
  expect((tune.references ?? []).map((r) => r.source.id)).toContain(point.id);
});
