import { barNumberOf, mapTune } from '../src/app/tuneMap';
import { expect, test } from './fixtures';

const BAR = /^(\||\|\||\|\]|\|:|:\||::)([12])?$/;

test('continue from a selected bar keeps the tune up to that bar', async ({ app }) => {
  await app.openReady();
  await app.prompt.fill('a hornpipe in A dorian');
  await app.controls.quick(31, 96);
  const first = await app.generate();
  expect((await app.state()).measures).toBeGreaterThanOrEqual(3);

  await app.score.clickNote(app.score.noteInMeasure(1).first());
  const selected = (await app.state()).selectedMeasure;
  expect(selected).not.toBeNull();
  await expect(app.score.selection).toContainText(`Bar ${barNumberOf(mapTune(first.tokens), selected!)} selected`);
  expect(await app.score.selectedNotes().count()).toBeGreaterThan(0);

  await app.score.continueHere.click();
  const next = await app.waitForTune(first.id);
  expect(next.parentId).toBe(first.id);
  expect(next.prefixLength).toBeGreaterThan(2);
  expect(next.prefixLength).toBeLessThan(first.tokens.length);
  expect(next.tokens.slice(0, next.prefixLength)).toEqual(first.tokens.slice(0, next.prefixLength));
  expect(first.tokens[next.prefixLength - 1]).toMatch(BAR);
  // The prefix holds exactly the measures up to and including the selected one.
  expect(mapTune(next.tokens.slice(0, next.prefixLength)).measures).toHaveLength(selected! + 1);
  expect(next.tokens.length).toBeGreaterThan(next.prefixLength);
  await expect(app.history.entries.first()).toContainText('continued');
});
