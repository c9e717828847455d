import { expect, test } from './fixtures';

test('an ABC edit with an error says where, and keeps the tune', async ({ app }) => {
  await app.openReady();
  await app.controls.quick(41, 64);
  const tune = await app.generate();

  const broken = 'X:1\nM:4/4\nL:1/8\nK:D\nDEFG ABcd|\nAB @cd e4|]\n';
  await app.score.abcText.fill(broken);
  await app.score.continueFromEdit.click();
  await expect(app.score.abcError).toContainText('line 6, column 4');
  await expect(app.score.abcError).toContainText('unchanged');
  const after = await app.state();
  expect(after.current!.id).toBe(tune.id);
  expect(after.current!.tokens).toEqual(tune.tokens);
  expect(after.streaming).toBe(false);

  await app.score.applyEdit.click();
  await expect(app.score.abcError).toBeVisible();
  expect((await app.state()).current!.id).toBe(tune.id);
});

test('a valid edit can be applied and continued by the model', async ({ app }) => {
  await app.openReady();
  await app.controls.quick(43, 48);
  const tune = await app.generate();

  await app.score.abcText.fill('X:1\nM:6/8\nL:1/8\nK:G\nGAB c2d|e2d BAG|\n');
  await app.score.applyEdit.click();
  const edited = await app.waitForTune(tune.id);
  expect(edited.origin).toBe('edit');
  expect(edited.tokens.slice(0, 4)).toEqual(['M:6/8', 'K:Gmaj', 'G', 'A']);

  await app.score.continueFromEdit.click();
  const continued = await app.waitForTune(edited.id);
  expect(continued.parentId).toBe(edited.id);
  expect(continued.tokens.slice(0, edited.tokens.length)).toEqual(edited.tokens);
  expect(continued.tokens.length).toBeGreaterThan(edited.tokens.length);
});

test('a bar too long for the meter is named before and after Apply edit, counting a pickup as bar 0', async ({
  app,
}) => {
  await app.openReady();
  await app.controls.quick(44, 32);
  const tune = await app.generate();

  await app.score.abcText.fill('X:1\nM:6/8\nL:1/8\nK:G\nD|GAB c2d|e2d BAGF|G3 G2|]\n');
  const warning = 'One bar is longer than a 6/8 bar (6 eighth notes): bar 2 has 7.';
  await expect(app.score.abcBarWarning).toContainText(warning);
  await app.score.applyEdit.click();
  const edited = await app.waitForTune(tune.id);
  expect(edited.origin).toBe('edit');
  await expect(app.score.abcBarWarning).toContainText(warning);

  // Mended, the warning goes.
  await app.score.abcText.fill('X:1\nM:6/8\nL:1/8\nK:G\nD|GAB c2d|e2d BAG|G3 G2|]\n');
  await expect(app.score.abcBarWarning).toHaveCount(0);
});

test('ABC text over the cap is refused before it is read, and kept as typed', async ({ app }) => {
  await app.openReady();
  const long = 'X:1\nM:4/4\nL:1/8\nK:D\n' + 'DEFG ABcd|'.repeat(1_200);
  await app.score.abcText.fill(long);
  await expect(app.score.abcError).toContainText(
    `The ABC text is ${long.length.toLocaleString('en-GB')} characters, more than the 10,000 characters`,
  );
  await expect(app.score.applyEdit).toBeDisabled();
  await expect(app.score.continueFromEdit).toBeDisabled();
  await expect(app.score.abcText).toHaveValue(long);
  await app.score.abcText.fill(long.slice(0, 2_000));
  await expect(app.score.abcError).toHaveCount(0);
  await expect(app.score.applyEdit).toBeEnabled();
});
