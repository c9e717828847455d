import { csvParseRows } from 'd3';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { logFile } from '../src/study/export/logFile';
import { testLog, testRecord, testTune } from '../src/study/testEvents';
import { expect, test } from './fixtures';
import { StudyDataPage } from './pages/StudyDataPage';

const ABC_1 = 'X:1\nT:First\nM:6/8\nL:1/8\nK:D\nABc def|gfe dcB|\n';
const ABC_2 = 'X:1\nT:Second\nM:4/4\nL:1/8\nK:G\nGABc dBGB|c2A2 B4|\n';

/** One participant's export as the study data page writes it: consent, a task, two tunes, a note, an answer. */
function exportOf(participant: string) {
  const events = testLog(participant, [
    { kind: 'consent', payload: { agreed: true } },
    { kind: 'task-start', payload: { title: 'Write a jig', timeLimitSeconds: null }, task: 't1' },
    { kind: 'generate', payload: { prompt: 'a jig', settings: { seed: 1 }, references: 0 } },
    testTune(`${participant}-a`, 'a jig', ABC_1),
    { kind: 'playback-start', payload: { tuneId: `${participant}-a` } },
    { kind: 'journal-note', payload: { nodeId: 'n1', text: 'sounds "bouncy", light' } },
    testTune(`${participant}-b`, 'a reel', ABC_2),
    { kind: 'task-end', payload: { reason: 'done', elapsedMs: 5000 } },
    { kind: 'questionnaire-answer', payload: { questionnaire: 'sus', item: 'q1', value: 4 }, task: null },
  ]);
  return { events, text: JSON.stringify(logFile([{ record: testRecord(participant), events }], 'test')) };
}

test('imports several exports, refuses a duplicate, exports one ZIP, replays the tunes, and clears', async ({
  page,
}) => {
  const data = new StudyDataPage(page);
  const p1 = exportOf('P01');
  const p2 = exportOf('P02');
  await data.open();
  await expect(data.empty).toBeVisible();

  await data.importFiles([
    { name: 'p01.json', text: p1.text },
    { name: 'p02.json', text: p2.text },
  ]);
  await expect(data.importOutcome).toContainText('Added 2 participants: demo/P01, demo/P02.');
  await expect(data.rows).toHaveCount(2);
  await expect(data.row('P01')).toContainText('In progress: 1 task done');

  // The same participant again, from another file name, beside a broken file: both refused, each named.
  await data.importFiles([
    { name: 'again.json', text: p1.text },
    { name: 'broken.json', text: '{"format":"apparatus-study-log"' },
  ]);
  await expect(data.importOutcome).toContainText('No participants added.');
  await expect(data.importOutcome).toContainText(
    'P01 (study demo) in again.json: already on this device; not imported again.',
  );
  await expect(data.importOutcome).toContainText('broken.json was not imported.');
  await expect(data.importOutcome).toContainText('not valid JSON');
  await expect(data.rows).toHaveCount(2);

  // One ZIP: every event once, in order, and each tune as ABC.
  const zip = unzipSync(new Uint8Array(await readFile((await (await data.exportEverything()).path())!)));
  const rows = csvParseRows(strFromU8(zip['all/events.csv']).trimEnd());
  const col = (name: string) => rows[0].indexOf(name);
  const expected = [...p1.events, ...p2.events].map((e) => [e.participant, String(e.seq), e.kind]);
  expect(rows.slice(1).map((r) => [r[col('participant')], r[col('seq')], r[col('kind')]])).toEqual(expected);
  expect(strFromU8(zip['studies/demo/P02/tunes/00006-P02-b.abc'])).toContain('K:G\nGABc dBGB|');

  // Replay: End reaches the last step, which holds both tunes; stepping back shows the first again.
  await data.openReplay('P01');
  await expect(data.replayStatus).toContainText('Step 1 of 9');
  await data.replayKey('End');
  await expect(data.replayStatus).toContainText('Step 9 of 9');
  await expect(data.shownAbc).toHaveText(ABC_2);
  for (let i = 0; i < 5; i++) await data.replayKey('ArrowLeft');
  await expect(data.replayStatus).toContainText('Step 4 of 9: #3 Tune written');
  await expect(data.shownAbc).toHaveText(ABC_1);

  await data.clearAll();
  await expect(data.empty).toBeVisible();
  await expect(data.replay).toHaveCount(0);
});
