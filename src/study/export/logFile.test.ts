import { describe, expect, it } from 'vitest';
import { TEST_HASH, testLog, testRecord, testTune } from '../testEvents';
import { logFile, logFileSchema, participantLogs } from './logFile';

const events = [
  ...testLog('P02', [{ kind: 'consent', payload: { agreed: true } }]),
  ...testLog('P01', [{ kind: 'consent', payload: { agreed: true } }, testTune('t-1', 'a reel')]),
];
// A deep copy each time: the cases below spoil it in place.
const good = () =>
  structuredClone(logFile(participantLogs([testRecord('P02'), testRecord('P01')], events), 'test', new Date(0)));

const issuePaths = (v: unknown) => {
  const r = logFileSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('participantLogs', () => {
  it('groups events under their records, participants sorted, events in sequence order', () => {
    const logs = participantLogs([testRecord('P02'), testRecord('P01')], [...events].reverse());
    expect(logs.map((l) => [l.record.participant, l.events.map((e) => e.seq)])).toEqual([
      ['P01', [0, 1]],
      ['P02', [0]],
    ]);
  });

  it('keeps events found without a record, under a record rebuilt from them', () => {
    const logs = participantLogs([testRecord('P01')], events);
    expect(logs.map((l) => [l.record.participant, l.record.studyHash, l.record.conditions, l.events.length])).toEqual([
      ['P01', TEST_HASH, ['A'], 2],
      ['P02', 'unknown', ['A'], 1],
    ]);
    expect(issuePaths(JSON.parse(JSON.stringify(logFile(logs, 'test'))))).toEqual([]);
  });
});

describe('logFileSchema', () => {
  it('accepts what logFile writes, through JSON', () => {
    expect(issuePaths(JSON.parse(JSON.stringify(good())))).toEqual([]);
  });

  it.each([
    ['a wrong format', (f: ReturnType<typeof good>) => ({ ...f, format: 'journal' }), ['format']],
    [
      'a bad study hash',
      (f: ReturnType<typeof good>) => {
        f.participants[0].record.studyHash = 'xyz';
        return f;
      },
      ['participants.0.record.studyHash'],
    ],
    [
      'a missing participant id',
      (f: ReturnType<typeof good>) => {
        (f.participants[0].record as { participant?: string }).participant = undefined;
        return f;
      },
      ['participants.0.record.participant'],
    ],
    [
      'an unknown event kind',
      (f: ReturnType<typeof good>) => {
        (f.participants[0].events[0] as { kind: string }).kind = 'telepathy';
        return f;
      },
      ['participants.0.events.0.kind'],
    ],
    [
      'events out of order',
      (f: ReturnType<typeof good>) => {
        f.participants[0].events.reverse();
        return f;
      },
      ['participants.0.events.1.seq'],
    ],
    [
      'an event of another participant',
      (f: ReturnType<typeof good>) => {
        f.participants[1].events.push({ ...f.participants[0].events[1], seq: 5 });
        return f;
      },
      ['participants.1.events.1'],
    ],
  ])('names the path for %s', (_, spoil, paths) => {
    expect(issuePaths(spoil(good()))).toEqual(paths);
  });
});
