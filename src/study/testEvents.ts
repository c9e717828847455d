/** Deterministic study events for unit tests: one participant's log built from drafts, as the store would stamp them. */
import type { EventContext, EventDraft, StudyEvent } from './events';
import { advance, stamp, type LogCursor } from './logCore';

export const TEST_HASH = 'a'.repeat(64);

export function testLog(
  participant: string,
  drafts: readonly EventDraft[],
  context: Partial<EventContext> = {},
  startSeq = 0,
): StudyEvent[] {
  let cursor: LogCursor = {
    context: { studyId: 'demo', studyVersion: '1', participant, condition: 'A', task: null, ...context },
    nextSeq: startSeq,
    session: 's-1',
  };
  let tick = 0;
  const clock = { wall: () => 1_764_500_000_000 + tick * 1000, mono: () => tick * 1000 };
  return drafts.map((d) => {
    const e = stamp(cursor, d, clock);
    cursor = advance(cursor);
    tick++;
    return e;
  });
}

export const testTune = (tuneId: string, prompt: string, abc = 'X:1\nM:6/8\nK:D\nABc def|\n'): EventDraft => ({
  kind: 'tune',
  payload: {
    tuneId,
    prompt,
    settings: { seed: 7 },
    abc,
    tokens: ['M:6/8', 'K:D'],
    stopped: 'end',
    modelSha256: 'f'.repeat(64),
  },
});

export const testRecord = (participant: string, studyId = 'demo') => ({
  studyId,
  participant,
  conditions: ['A'],
  studyVersion: '1',
  studyHash: TEST_HASH,
  startedAt: 1_764_500_000_000,
  completedAt: null,
});
