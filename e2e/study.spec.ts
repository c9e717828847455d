import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { StudyEvent } from '../src/study/events';
import { expect, test } from './fixtures';
import { ResearcherPage, StudyPages } from './pages/StudyPages';
import { ViewsPanel } from './pages/ViewsPanel';

/** Every event stored on this device, read straight from IndexedDB (the app's own database). */
function storedEvents(page: Page, participant: string): Promise<StudyEvent[]> {
  return page.evaluate(
    (p) =>
      new Promise<StudyEvent[]>((resolve, reject) => {
        const open = indexedDB.open('apparatus-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('events').objectStore('events').getAll();
          r.onsuccess = () => {
            open.result.close();
            resolve((r.result as StudyEvent[]).filter((e) => e.participant === p));
          };
          r.onerror = () => reject(r.error);
        };
      }),
    participant,
  );
}

/** The log's own promises: numbered 0, 1, 2 ... with none missing or twice, each with both clocks. */
function expectWholeLog(events: StudyEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  for (const e of events) {
    expect(e.wallTime).toBeGreaterThan(0);
    expect(typeof e.monoTime).toBe('number');
  }
}

const steps = (events: StudyEvent[]) =>
  events
    .filter((e) => ['consent', 'task-start', 'task-end', 'questionnaire-done', 'debrief'].includes(e.kind))
    .map((e) => `${e.kind}:${e.kind === 'questionnaire-done' ? e.payload.questionnaire : (e.task ?? '')}`);

const WHOLE_STUDY = [
  'consent:',
  'task-start:explore',
  'task-end:explore',
  'questionnaire-done:after-task',
  'task-start:explain',
  'task-end:explain',
  'questionnaire-done:after-task',
  'questionnaire-done:sus',
  'questionnaire-done:tlx',
  'debrief:',
];

test('two participants in two conditions take the study; one is reloaded mid-task and resumes; nothing leaves the origin', async ({
  app,
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(420_000);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const study = new StudyPages(page);
  const views = new ViewsPanel(page);

  // P01, condition A (views on): consent asks for no name, then a generation in the first task.
  await study.openLink('between-views', 'P01', 'A');
  await expect(study.consentHeading).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await study.agree();
  await expect(study.taskHeading).toHaveText('Task 1 of 2: Explore');
  await expect(views.root).toBeVisible();
  await expect(app.prompt.input).toHaveValue('a lively reel in D major');
  // The model starts loading only once the workbench shows (after consent); on a busy machine that takes a while.
  await page.waitForFunction(() => window.__apparatus?.state().model.ready === true, null, { timeout: 180_000 });
  await app.controls.openAdvanced();
  await app.controls.maxTokens.fill('48');
  await app.prompt.input.fill('a lively jig in D major');
  const tune = await app.generate();
  // Rest on an attention cell, play and stop, export: each is logged (the dwell summed, every few seconds).
  await expect(views.attention.map).toBeVisible();
  await views.attention.hoverRow(1);
  await page.waitForTimeout(800);
  await page.mouse.move(0, 0);
  await app.player.play.click();
  await expect(app.player.state).toHaveText('Playing');
  await app.player.stop.click();
  await app.exports.download('ABC');
  await expect
    .poll(async () => (await storedEvents(page, 'P01')).map((e) => e.kind), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['attention-dwell', 'playback-start', 'playback-stop', 'export']));
  await study.finishTask.click();
  expect(await study.answerQuestionnaire(6, 'the word jig')).toBe('after-task');
  await expect(study.taskHeading).toHaveText('Task 2 of 2: Explain');
  await study.finishTask.click();
  await study.answerQuestionnaire(5);
  expect(await study.answerQuestionnaire(4)).toBe('sus');
  expect(await study.answerQuestionnaire(11)).toBe('tlx');
  await expect(study.debriefHeading).toBeVisible();

  const p1 = await storedEvents(page, 'P01');
  expectWholeLog(p1);
  expect(steps(p1)).toEqual(WHOLE_STUDY);
  expect(new Set(p1.map((e) => e.condition))).toEqual(new Set(['A']));
  const generated = p1.find((e) => e.kind === 'generate');
  expect(generated?.kind === 'generate' && generated.payload.prompt).toBe('a lively jig in D major');
  const stored = p1.find((e) => e.kind === 'tune');
  expect(stored?.kind === 'tune' && stored.payload.abc).toBe(tune.abc);
  expect(p1.filter((e) => e.kind === 'prompt-edit').map((e) => e.kind === 'prompt-edit' && e.payload.text)).toContain(
    'a lively jig in D major',
  );
  const answers = p1.filter((e) => e.kind === 'questionnaire-answer');
  expect(answers).toHaveLength(2 + 2 + 10 + 6);

  // P02, condition B (views off) on the same device: no views; reloaded in the middle of the second task.
  await study.openLink('between-views', 'P02', 'B');
  await study.agree();
  await expect(study.taskHeading).toHaveText('Task 1 of 2: Explore');
  await expect(views.root).toBeHidden();
  // Nothing of the participant before: their tune is not in this one's history.
  await expect(app.history.root).toBeVisible();
  await expect(app.history.entries).toHaveCount(0);
  await expect(page.getByTestId('neighbours-panel')).toBeHidden();
  await study.finishTask.click();
  await study.answerQuestionnaire(2);
  await expect(study.taskHeading).toHaveText('Task 2 of 2: Explain');
  await app.prompt.input.fill('a slow air in E minor');
  await page.waitForTimeout(1_200); // the prompt edit is logged after a pause in typing
  const before = await storedEvents(page, 'P02');
  const seed = (await app.state()).settings.seed;
  await page.reload();
  await expect(study.taskHeading).toHaveText('Task 2 of 2: Explain');
  await expect(app.prompt.input).toHaveValue('a slow air in E minor');
  await expect(study.timer).toHaveText(/· 9:\d\d left/);
  expect((await app.state()).settings.seed).toBe(seed);
  await study.finishTask.click();
  await study.answerQuestionnaire(2);
  await study.answerQuestionnaire(3);
  await study.answerQuestionnaire(1);
  await expect(study.debriefHeading).toBeVisible();

  const p2 = await storedEvents(page, 'P02');
  const dwell = p1.find((e) => e.kind === 'attention-dwell');
  expect(dwell?.kind === 'attention-dwell' && dwell.payload.cells[0].ms).toBeGreaterThanOrEqual(500);
  expectWholeLog(p2);
  expect(p2.slice(0, before.length)).toEqual(before);
  expect(steps(p2)).toEqual(WHOLE_STUDY);
  expect(
    p2.filter((e) => e.kind === 'session-start').map((e) => e.kind === 'session-start' && e.payload.resumed),
  ).toEqual([false, true]);
  expect(new Set(p2.map((e) => e.session)).size).toBe(2);
  expect(new Set(p2.map((e) => e.condition))).toEqual(new Set(['B']));

  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
});

const example = JSON.parse(readFileSync('public/studies/between-views.json', 'utf8')) as {
  conditions: { views: string[] }[];
} & Record<string, unknown>;
const variant = (edit: (s: typeof example) => void) => {
  const s = structuredClone(example);
  edit(s);
  return JSON.stringify(s);
};

test.describe('the researcher page', () => {
  for (const [what, text, message] of [
    ['bad JSON', '{"schema": ', 'not valid JSON'],
    ['a missing field', variant((s) => delete s.debrief), 'debrief: missing (expected object)'],
    [
      'an unknown view name',
      variant((s) => (s.conditions[0].views = ['attn'])),
      'conditions[0].views[0]: unknown value "attn"',
    ],
    ['an empty condition list', variant((s) => (s.conditions = [])), 'conditions: needs at least one condition'],
    ['an oversized file', ' '.repeat(300 * 1024), 'file is 300 KB; a study file may be at most 256 KB'],
  ] as const)
    test(`names the problem with ${what}`, async ({ page }) => {
      const researcher = new ResearcherPage(page);
      await researcher.open();
      await researcher.upload('study.json', text);
      await expect(researcher.errors).toContainText(`study.json: ${message}`);
      await expect(researcher.links).toHaveCount(0);
    });

  test('gives counterbalanced links for the within-subjects example, and a link opens its study', async ({ page }) => {
    const researcher = new ResearcherPage(page);
    await researcher.open();
    await researcher.shipped('within-attention-neighbours.json');
    await expect(researcher.links.nth(1)).toContainText('P01attention → neighbours');
    await expect(researcher.links.nth(2)).toContainText('P02neighbours → attention');
    await researcher.links.nth(2).getByRole('link').click();
    await expect(new StudyPages(page).consentHeading).toBeVisible();
  });

  test('a study file from disk is kept on this device for its links', async ({ page }) => {
    const researcher = new ResearcherPage(page);
    await researcher.open();
    await researcher.upload(
      'mine.json',
      variant((s) => (s.id = 'my-study')),
    );
    await researcher.links.nth(1).getByRole('link').click();
    await expect(new StudyPages(page).consentHeading).toBeVisible();
  });
});

test('a link with a condition the study lacks says so and starts nothing', async ({ page }) => {
  const study = new StudyPages(page);
  await study.openLink('between-views', 'P09', 'Z');
  await expect(study.cannotStart).toContainText('condition "Z" is not in this study (A, B)');
});

test('a write the browser refuses shows a clear error and keeps the participant where they were', async ({ page }) => {
  const study = new StudyPages(page);
  await study.openLink('between-views', 'P11', 'A');
  await expect(study.consentHeading).toBeVisible();
  // The browser runs out of quota: every IndexedDB add fails as Chromium fails it.
  await page.evaluate(() => {
    const add = IDBObjectStore.prototype.add;
    (window as unknown as { __restoreAdd: () => void }).__restoreAdd = () => (IDBObjectStore.prototype.add = add);
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await study.agree();
  await expect(study.alert).toContainText('this browser has run out of storage for the site');
  await expect(study.consentHeading).toBeVisible();
  await page.evaluate(() => (window as unknown as { __restoreAdd: () => void }).__restoreAdd());
  await study.agree();
  await expect(study.taskHeading).toHaveText('Task 1 of 2: Explore');
  await expect(study.alert).toBeHidden();
  const events = await storedEvents(page, 'P11');
  expect(events.map((e) => e.kind).slice(0, 3)).toEqual(['session-start', 'consent', 'task-start']);
});

test('within subjects: the Latin square orders the conditions, each shows its own view, locks its settings, and needs a tune before the task ends', async ({
  app,
  page,
}) => {
  test.setTimeout(420_000);
  const study = new StudyPages(page);
  const views = new ViewsPanel(page);
  const neighbours = page.getByTestId('neighbours-panel');
  await study.openLink('within-attention-neighbours', 'P02');
  await study.agree();
  await expect(study.taskHeading).toHaveText('Task 1 of 2: Nearest training examples');
  await expect(neighbours).toBeVisible();
  await expect(views.root.getByRole('tab')).toHaveText(['Journal']);
  await expect(study.finishTask).toBeDisabled();
  await expect(study.task).toContainText('Generate 1 more tune first.');
  expect((await app.state()).settings).toMatchObject({ temperature: 0.9, guidance: 1.5 });
  await page.waitForFunction(() => window.__apparatus?.state().model.ready === true, null, { timeout: 180_000 });
  await app.generate();
  await study.finishTask.click();
  expect(await study.answerQuestionnaire(3)).toBe('tlx');

  await expect(study.taskHeading).toHaveText('Task 2 of 2: Attention weights');
  await expect(neighbours).toBeHidden();
  await expect(views.root.getByRole('tab')).toHaveText(['Cross-attention map', 'Journal']);
  await app.generate();
  await study.finishTask.click();
  await study.answerQuestionnaire(3);
  // The closing questionnaire asks for a reason: Continue without it is refused, and says so.
  await study.questionnaire.getByRole('radio').first().check();
  await study.continueButton.click();
  await expect(study.alert).toContainText('Please answer every question marked as needed (1 left)');
  await study.answerQuestionnaire(2, 'the map showed which words went with which bars');
  await expect(study.debriefHeading).toBeVisible();

  const events = await storedEvents(page, 'P02');
  expectWholeLog(events);
  expect(events.filter((e) => e.kind === 'task-start').map((e) => `${e.condition}/${e.task}`)).toEqual([
    'neighbours/read-neighbours',
    'attention/read-attention',
  ]);
  expect(events.filter((e) => e.kind === 'tune')).toHaveLength(2);
});
