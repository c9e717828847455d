import { csvParseRows } from 'd3';
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { parseLogFile } from '../src/study/export/parseLogFile';
import { abcToTokens } from '../src/tokenizer/musicTokens';
import { expect, test } from './fixtures';
import { StudyDataPage } from './pages/StudyDataPage';
import { StudyPages } from './pages/StudyPages';

const text = async (d: Download) => readFile((await d.path())!, 'utf8');
const table = (csv: string) => {
  const [header, ...rows] = csvParseRows(csv.trimEnd());
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

/** The events a test's own actions make, in the order it made them (prompt edits and session starts aside). */
const DRIVEN = new Set([
  'consent',
  'task-start',
  'task-end',
  'generate',
  'tune',
  'playback-start',
  'playback-stop',
  'questionnaire-answer',
  'questionnaire-done',
  'debrief',
]);

test("a participant's session, exported and replayed: every event once and in order, the same tunes", async ({
  app,
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const study = new StudyPages(page);
  const did: string[] = [];

  await study.openLink('between-views', 'P05', 'A');
  await study.agree();
  did.push('consent', 'task-start:explore');
  expect((await app.waitForModel()).error).toBeNull();
  await app.controls.quick(11, 40);

  const tunes = [];
  for (const [task, prompt] of [
    ['explore', 'a lively jig in D major'],
    ['explain', 'a slow air in A minor'],
  ] as const) {
    await app.prompt.input.fill(prompt);
    const tune = await app.generate();
    tunes.push(tune);
    did.push(`generate:${prompt}`, `tune:${tune.id}`);
    await app.player.play.click();
    await expect(app.player.stop).toBeEnabled();
    await app.player.stop.click();
    await expect(app.player.play).toBeEnabled();
    did.push('playback-start', 'playback-stop');
    await study.finishTask.click();
    await expect(study.questionnaire).toHaveAttribute('data-questionnaire', 'after-task');
    did.push(`task-end:${task}`);
    // after-task: a 7-point item and a comment with a comma, quotes and a line break.
    await study.answerQuestionnaire(6, `the word "${task}", mostly\nand the mode`);
    did.push('questionnaire-answer', 'questionnaire-answer', 'questionnaire-done:after-task');
    if (task === 'explore') {
      did.push('task-start:explain');
      await expect(study.taskHeading).toHaveText('Task 2 of 2: Explain');
    }
  }
  // Each questionnaire is answered once it is on show: the helper reads the groups there at the time.
  await expect(study.questionnaire).toHaveAttribute('data-questionnaire', 'sus');
  await study.answerQuestionnaire(4);
  did.push(...Array(10).fill('questionnaire-answer'), 'questionnaire-done:sus');
  await expect(study.questionnaire).toHaveAttribute('data-questionnaire', 'tlx');
  await study.answerQuestionnaire(11);
  did.push(...Array(6).fill('questionnaire-answer'), 'questionnaire-done:tlx', 'debrief');
  await expect(study.debriefHeading).toBeVisible();

  // The researcher's page on the same device.
  const data = new StudyDataPage(page);
  await data.open();
  await expect(data.row('P05')).toContainText(/Completed/);

  const events = table(await text(await data.exportParticipant('P05', 'Events CSV')));
  expect(events.map((e) => Number(e.seq))).toEqual(events.map((_, i) => i));
  const label = (e: Record<string, string>) => {
    const p = JSON.parse(e.payload);
    if (e.kind === 'generate') return `generate:${p.prompt}`;
    if (e.kind === 'tune') return `tune:${p.tuneId}`;
    if (e.kind === 'task-start' || e.kind === 'task-end') return `${e.kind}:${e.task}`;
    if (e.kind === 'questionnaire-done') return `${e.kind}:${p.questionnaire}`;
    return e.kind;
  };
  expect(events.filter((e) => DRIVEN.has(e.kind)).map(label)).toEqual(did);
  const tuneRows = events.filter((e) => e.kind === 'tune').map((e) => JSON.parse(e.payload));
  expect(tuneRows.map((t) => t.abc)).toEqual(tunes.map((t) => t.abc));

  const answers = table(await text(await data.exportParticipant('P05', 'Answers CSV')));
  // after-task is answered twice (once per task): one row per item, holding the last answer and the count.
  expect(answers).toHaveLength(2 + 10 + 6);
  const comment = answers.find((a) => a.questionnaire === 'after-task' && a.item === 'comment')!;
  expect([comment.value, comment.answers]).toEqual(['the word "explain", mostly\nand the mode', '2']);

  const abc = await text(await data.exportParticipant('P05', 'Tunes ABC'));
  const parts = abc.split(/\n(?=X:)/);
  expect(parts.map((p) => abcToTokens(p))).toEqual(tunes.map((t) => t.tokens));

  // Replay: at each tune's step, and at the end, the tune on show is the one generated.
  await data.openReplay('P05');
  for (const [i, tune] of tunes.entries()) {
    const step = events.findIndex((e) => e.kind === 'tune' && JSON.parse(e.payload).tuneId === tune.id);
    await data.replayKey('Home');
    for (let k = 0; k < step; k++) await data.replayKey('ArrowRight');
    await expect(data.replayStatus).toContainText(`Step ${step + 1} of ${events.length}: #${step} Tune written`);
    await expect(data.shownAbc).toHaveText(tunes[i].abc);
  }
  await data.replayKey('End');
  await expect(data.shownAbc).toHaveText(tunes[1].abc);

  // The JSON export carries the study file's hash, and merges into another device once, not twice.
  const json = await text(await data.exportParticipant('P05', 'JSON'));
  const parsed = parseLogFile(json);
  expect(parsed.ok && parsed.file.participants[0].record.studyHash).toMatch(/^[0-9a-f]{64}$/);
  const other = await browser.newContext();
  const otherData = new StudyDataPage(await other.newPage());
  await otherData.open();
  await otherData.importFiles([{ name: 'p05.json', text: json }]);
  await expect(otherData.importOutcome).toContainText('Added 1 participant: between-views/P05.');
  await otherData.importFiles([{ name: 'p05-copy.json', text: json }]);
  await expect(otherData.importOutcome).toContainText(
    'P05 (study between-views) in p05-copy.json: already on this device; not imported again.',
  );
  await expect(otherData.row('P05')).toContainText(String(events.length));
  await other.close();
});
