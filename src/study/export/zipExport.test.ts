import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { abcToTokens } from '../../tokenizer/musicTokens';
import { testLog, testRecord, testTune } from '../testEvents';
import { logFileSchema, participantLogs } from './logFile';
import { tunesAbcCollection } from './tunesAbc';
import { exportZip } from './zipExport';

const ABC = 'X:1\nM:6/8\nL:1/8\nK:D\nABc def|\n';
const logs = participantLogs(
  [testRecord('P01'), testRecord('P/02')],
  [
    ...testLog('P01', [{ kind: 'consent', payload: { agreed: true } }, testTune('t-1', 'a jig', ABC)]),
    ...testLog('P/02', [{ kind: 'consent', payload: { agreed: true } }]),
  ],
);

describe('exportZip', () => {
  const files = unzipSync(exportZip(logs, 'test', new Date(Date.UTC(2026, 0, 1))));
  const text = (path: string) => strFromU8(files[path]);

  it('holds the whole log, per-participant folders and the tunes as ABC', () => {
    expect(Object.keys(files).sort()).toEqual([
      'all/events.csv',
      'all/log.json',
      'all/questionnaires.csv',
      'studies/demo/P01/events.csv',
      'studies/demo/P01/log.json',
      'studies/demo/P01/questionnaires.csv',
      'studies/demo/P01/tunes/00001-t-1.abc',
      'studies/demo/P_02/events.csv',
      'studies/demo/P_02/log.json',
      'studies/demo/P_02/questionnaires.csv',
    ]);
  });

  it('writes JSON that its own schema accepts, with the study hash', () => {
    const file = logFileSchema.parse(JSON.parse(text('all/log.json')));
    expect(file.participants.map((p) => [p.record.participant, p.record.studyHash, p.events.length])).toEqual([
      ['P/02', 'a'.repeat(64), 1],
      ['P01', 'a'.repeat(64), 2],
    ]);
  });

  it('writes each tune as ABC with its provenance, the notes unchanged', () => {
    const abc = text('studies/demo/P01/tunes/00001-t-1.abc');
    expect(abc).toContain('% participant: P01');
    expect(abc).toContain('% prompt: a jig');
    expect(abcToTokens(abc)).toEqual(abcToTokens(ABC));
  });
});

describe('tunesAbcCollection', () => {
  it('numbers the tunes X:1, X:2 in log order, each with its provenance', () => {
    const events = testLog('P01', [testTune('t-1', 'one', ABC), testTune('t-2', 'two', ABC)]);
    const abc = tunesAbcCollection(events);
    expect(abc.match(/^X:.*$/gm)).toEqual(['X:1', 'X:2']);
    expect(abc.match(/^% prompt: .*$/gm)).toEqual(['% prompt: one', '% prompt: two']);
  });
});
