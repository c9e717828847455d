import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventBody, StudyEvent } from './events';
import { parseStudy } from './parseStudy';
import { buildSteps, positionOf, taskCounts } from './progress';
import type { Study } from './studySchema';

const load = (name: string): Study => {
  const r = parseStudy(readFileSync(new URL(`../../public/studies/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.study;
};
const between = load('between-views.json');
const within = load('within-attention-neighbours.json');

let seq = 0;
const ev = (condition: string, task: string | null, body: EventBody, wallTime = 0): StudyEvent =>
  ({
    studyId: 's',
    studyVersion: '1',
    participant: 'P01',
    condition,
    task,
    seq: seq++,
    wallTime,
    monoTime: 0,
    session: 'x',
    ...body,
  }) as StudyEvent;

describe('buildSteps', () => {
  it('walks consent, tasks with their questionnaires, the closing questionnaires and the debrief', () => {
    const steps = buildSteps(between, ['B']).map(
      (s) => `${s.type}:${'task' in s ? (s.task ?? '') : ''}:${'questionnaire' in s ? s.questionnaire : ''}`,
    );
    expect(steps).toEqual([
      'consent::',
      'task:explore:',
      'questionnaire:explore:after-task',
      'task:explain:',
      'questionnaire:explain:after-task',
      'questionnaire::sus',
      'questionnaire::tlx',
      'debrief::',
    ]);
  });
  it('follows the condition order within subjects, each condition with its own tasks', () => {
    const steps = buildSteps(within, ['neighbours', 'attention']).filter((s) => s.type === 'task');
    expect(steps.map((s) => s.type === 'task' && `${s.condition}/${s.task}`)).toEqual([
      'neighbours/read-neighbours',
      'attention/read-attention',
    ]);
  });
});

describe('positionOf', () => {
  const steps = buildSteps(between, ['A']);
  it.each([
    ['nothing yet', [], 0, null],
    ['consent given', [ev('A', null, { kind: 'consent', payload: { agreed: true } })], 1, null],
    [
      'a task under way',
      [
        ev('A', null, { kind: 'consent', payload: { agreed: true } }),
        ev('A', 'explore', { kind: 'task-start', payload: { title: 'Explore', timeLimitSeconds: 600 } }, 5_000),
      ],
      1,
      5_000,
    ],
    [
      'a task ended',
      [
        ev('A', null, { kind: 'consent', payload: { agreed: true } }),
        ev('A', 'explore', { kind: 'task-end', payload: { reason: 'time-up', elapsedMs: 1 } }),
      ],
      2,
      null,
    ],
  ])('%s', (_, events, index, startedAt) => {
    const p = positionOf(steps, events);
    expect(p.index).toBe(index);
    expect(p.startedAt).toBe(startedAt);
  });

  it('brings back the answers already given, the latest per item', () => {
    const events = [
      ev('A', null, { kind: 'consent', payload: { agreed: true } }),
      ev('A', 'explore', { kind: 'task-end', payload: { reason: 'done', elapsedMs: 1 } }),
      ev('A', 'explore', {
        kind: 'questionnaire-answer',
        payload: { questionnaire: 'after-task', item: 'confidence', value: 2 },
      }),
      ev('A', 'explore', {
        kind: 'questionnaire-answer',
        payload: { questionnaire: 'after-task', item: 'confidence', value: 6 },
      }),
    ];
    expect(positionOf(steps, events)).toMatchObject({ index: 2, answers: { confidence: 6 } });
  });

  it('stays on the debrief once everything is done', () => {
    const done = [ev('A', null, { kind: 'debrief', payload: {} })];
    expect(positionOf(steps.slice(-1), done)).toMatchObject({ index: 0, step: { type: 'debrief' } });
  });
});

describe('taskCounts', () => {
  it('counts tunes and notes of one task in one condition', () => {
    const tune: EventBody = {
      kind: 'tune',
      payload: { tuneId: 't', prompt: '', settings: {}, abc: '', tokens: [], stopped: 'end', modelSha256: '' },
    };
    const events = [
      ev('A', 'x', tune),
      ev('A', 'x', tune),
      ev('B', 'x', tune),
      ev('A', 'x', { kind: 'journal-note', payload: { nodeId: 'n', text: 'hi' } }),
    ];
    expect(taskCounts(events, 'A', 'x')).toEqual({ generations: 2, notes: 1 });
  });
});
