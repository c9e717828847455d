import { describe, expect, it } from 'vitest';
import { testLog, testRecord } from '../testEvents';
import type { ParticipantLog } from './logFile';
import { mergeLogs, type NamedLogs } from './mergeLogs';

const log = (participant: string, studyId = 'demo'): ParticipantLog => ({
  record: { ...testRecord(participant, studyId), conditions: ['A'] },
  events: testLog(participant, [{ kind: 'consent', payload: { agreed: true } }], { studyId }),
});
const file = (fileName: string, ...participants: ParticipantLog[]): NamedLogs => ({ fileName, participants });
const ids = (ps: readonly ParticipantLog[]) => ps.map((p) => `${p.record.studyId}/${p.record.participant}`);

describe('mergeLogs', () => {
  it.each([
    {
      name: 'two files, different participants',
      device: [],
      files: [file('a.json', log('P01')), file('b.json', log('P02'))],
      accepted: ['demo/P01', 'demo/P02'],
      refused: [],
    },
    {
      name: 'the same participant in two files',
      device: [],
      files: [file('a.json', log('P01')), file('b.json', log('P01'), log('P03'))],
      accepted: ['demo/P01', 'demo/P03'],
      refused: ['P01 (study demo) in b.json: already in a.json; not imported again.'],
    },
    {
      name: 'a participant already on this device',
      device: [testRecord('P02')],
      files: [file('a.json', log('P01'), log('P02'))],
      accepted: ['demo/P01'],
      refused: ['P02 (study demo) in a.json: already on this device; not imported again.'],
    },
    {
      name: 'one id in two studies is two participants',
      device: [testRecord('P01', 'other')],
      files: [file('a.json', log('P01'))],
      accepted: ['demo/P01'],
      refused: [],
    },
    {
      name: 'the same file twice',
      device: [],
      files: [file('a.json', log('P01')), file('a.json', log('P01'))],
      accepted: ['demo/P01'],
      refused: ['P01 (study demo) in a.json: already in a.json; not imported again.'],
    },
  ])('$name', ({ device, files, accepted, refused }) => {
    const merge = mergeLogs(device, files);
    expect(ids(merge.accepted)).toEqual(accepted);
    expect(merge.refused).toEqual(refused);
  });
});
