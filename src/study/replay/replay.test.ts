import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../events';
import { testLog, testTune } from '../testEvents';
import { describeEvent } from './describe';
import { replaySteps } from './replay';

const session: EventDraft[] = [
  { kind: 'session-start', payload: { resumed: false, userAgent: 'test' } },
  { kind: 'consent', payload: { agreed: true } },
  { kind: 'task-start', payload: { title: 'Write a jig', timeLimitSeconds: null }, task: 't1' },
  { kind: 'prompt-edit', payload: { text: 'a lively jig' } },
  { kind: 'generate', payload: { prompt: 'a lively jig', settings: { seed: 1 }, references: 0 } },
  testTune('t-a', 'a lively jig', 'X:1\nK:D\nabc|\n'),
  { kind: 'playback-start', payload: { tuneId: 't-a' } },
  { kind: 'view-open', payload: { view: 'attention' } },
  { kind: 'view-settings', payload: { view: 'attention', settings: { layer: 2 } } },
  { kind: 'playback-stop', payload: { tuneId: 't-a' } },
  { kind: 'journal-note', payload: { nodeId: 'n1', text: 'bar 3 follows "lively"' } },
  { kind: 'generate', payload: { prompt: 'a slow jig', settings: { seed: 2 }, references: 0 } },
  { kind: 'cancel', payload: { tokens: 12 } },
  { kind: 'generate', payload: { prompt: 'a slow jig', settings: { seed: 2 }, references: 0 } },
  testTune('t-b', 'a slow jig', 'X:1\nK:G\ngab|\n'),
  { kind: 'task-end', payload: { reason: 'done', elapsedMs: 60_000 } },
  { kind: 'questionnaire-answer', payload: { questionnaire: 'sus', item: 'q1', value: 3 }, task: null },
  { kind: 'questionnaire-answer', payload: { questionnaire: 'sus', item: 'q1', value: 4 }, task: null },
];

describe('replaySteps', () => {
  const steps = replaySteps(testLog('P01', session, { task: 't1' }));
  const at = (i: number) => steps[i].state;

  it('has one step per event, in sequence order', () => {
    expect(steps.map((s) => s.event.seq)).toEqual(session.map((_, i) => i));
  });

  it.each([
    ['before consent', 0, { consented: false, task: 't1', shown: null }],
    ['a task under way', 3, { consented: true, taskTitle: 'Write a jig', prompt: 'a lively jig' }],
    ['generating', 4, { generating: true }],
    [
      'a tune written',
      5,
      { generating: false, shown: expect.objectContaining({ tuneId: 't-a', abc: 'X:1\nK:D\nabc|\n' }) },
    ],
    ['playing', 6, { playing: { tuneId: 't-a' }, heard: ['t-a'] }],
    ['a view with settings', 8, { views: [{ view: 'attention', settings: { layer: 2 } }] }],
    ['stopped', 9, { playing: null, heard: ['t-a'] }],
    ['a note', 10, { notes: [{ nodeId: 'n1', text: 'bar 3 follows "lively"', seq: 10 }] }],
    ['cancelled', 12, { generating: false, prompt: 'a slow jig', shown: expect.objectContaining({ tuneId: 't-a' }) }],
    ['after the task', 15, { task: null, taskTitle: null }],
    ['the last answer', 17, { answers: { 'sus/q1': 4 } }],
  ])('%s', (_, i, expected) => {
    expect(at(i)).toMatchObject(expected);
  });

  it('reconstructs every tune written, in order', () => {
    expect(at(17).tunes.map((t) => [t.tuneId, t.prompt])).toEqual([
      ['t-a', 'a lively jig'],
      ['t-b', 'a slow jig'],
    ]);
  });

  it('describes every step in words', () => {
    for (const s of steps) expect(describeEvent(s.event)).toMatch(/\w/);
  });
});
