import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../events';
import { testLog } from '../testEvents';
import { replaySteps } from './replay';
import { taskBands, timelineMarks } from './timelineData';

const consent: EventDraft = { kind: 'consent', payload: { agreed: true } };
const edit = (task: string | null): EventDraft => ({ kind: 'prompt-edit', payload: { text: 'x' }, task });
const T0 = 1_764_500_000_000;

describe('taskBands', () => {
  it.each([
    ['no tasks', [consent], []],
    ['one task', [consent, edit('t1'), edit('t1')], [{ from: T0 + 1000, to: T0 + 2000, label: 't1' }]],
    [
      'two tasks with a gap',
      [edit('t1'), edit(null), edit('t2')],
      [
        { from: T0, to: T0, label: 't1' },
        { from: T0 + 2000, to: T0 + 2000, label: 't2' },
      ],
    ],
    [
      'two tasks back to back',
      [edit('t1'), edit('t2')],
      [
        { from: T0, to: T0, label: 't1' },
        { from: T0 + 1000, to: T0 + 1000, label: 't2' },
      ],
    ],
  ])('%s', (_, drafts, bands) => {
    expect(taskBands(replaySteps(testLog('P01', drafts)))).toEqual(bands);
  });
});

describe('timelineMarks', () => {
  it('puts each event in its lane, labelled with its number', () => {
    const marks = timelineMarks(replaySteps(testLog('P01', [consent, edit('t1')])));
    expect(marks.map((m) => [m.index, m.lane, m.label.split(' ')[0]])).toEqual([
      [0, 'Study', '#0'],
      [1, 'Prompt', '#1'],
    ]);
  });
});
