import { expect, test } from './fixtures';
import { ViewsPanel } from './pages/ViewsPanel';

test('a one-word prompt is compared with the empty prompt, and says so', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('jig');
  await app.controls.quick(31, 48);
  await app.generate();
  const views = new ViewsPanel(page);
  await views.open('Prompt perturbation');
  await expect(views.perturbation.note).toContainText("compares the tune under 'jig' with the empty prompt (<none>)");
  await views.perturbation.readButton.click();
  await expect(views.perturbation.rows).toHaveCount(1);
  await expect(views.perturbation.rows.first()).toContainText("without 'jig' (empty prompt)");
  await expect(views.perturbation.rows.first().locator('td.number')).toHaveText(/^[+-]?\d+\.\d\d$/);
  await views.perturbation.mode('Reorder the words').check();
  await expect(views.perturbation.problem).toHaveText('Reordering needs at least two words.');
  await views.open('Attention vs occlusion');
  await expect(views.diffraction.getByTestId('diffraction-agreement')).toHaveText(
    'Rank agreement undefined: one word: a ranking needs at least two.',
  );
});

test('an empty prompt has nothing to perturb and one <none> attention column', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('');
  await app.controls.quick(32, 48);
  await app.generate();
  const views = new ViewsPanel(page);
  await expect(views.attention.emptyPrompt).toBeVisible();
  await expect(views.attention.label).toContainText('× 1 word');
  await expect(views.attention.wordButton('<none>')).toBeVisible();
  await views.open('Prompt perturbation');
  await expect(views.perturbation.problem).toHaveText(
    'The prompt has no words: there is nothing to leave out, replace or reorder.',
  );
  await expect(views.perturbation.readButton).toHaveCount(0);
  await views.open('Attention vs occlusion');
  await expect(views.diffraction.getByTestId('diffraction-empty')).toContainText('no words to rank');
});

test('words outside the vocabulary are flagged in the views', async ({ app, page }) => {
  await app.openReady();
  await app.prompt.fill('a jig zorblax');
  await app.controls.quick(33, 48);
  await app.generate();
  const views = new ViewsPanel(page);
  await expect(views.attention.unknown).toContainText('zorblax');
  await expect(views.attention.wordButton('zorblax ?')).toBeVisible();
  await views.open('Prompt perturbation');
  await expect(views.perturbation.unknown).toContainText('read as <unk>');
  await views.perturbation.mode('Replace a word').check();
  await views.perturbation.root.getByLabel('Replacement').fill('flibber');
  await expect(views.perturbation.note).toHaveText("'flibber' is not in the vocabulary: the model reads it as <unk>.");
  await views.perturbation.root.getByLabel('Replacement').fill('two words');
  await expect(views.perturbation.problem).toHaveText('Type one word: a replacement takes the place of one word.');
  await views.open('Attention vs occlusion');
  await expect(views.diffraction.getByTestId('diffraction-agreement')).toBeVisible();
  // Both sides' charts mark the unknown word with "?".
  await expect(views.diffraction.locator('.bar-row.flagged')).toHaveCount(2);
  await expect(views.diffraction.locator('.bar-row.flagged').first()).toContainText('zorblax ?');
});
