import { describe, expect, it } from 'vitest';
import { testLog, testRecord } from '../testEvents';
import { logFile } from './logFile';
import { parseLogFile } from './parseLogFile';

const good = logFile(
  [{ record: testRecord('P01'), events: testLog('P01', [{ kind: 'consent', payload: { agreed: true } }]) }],
  'test',
  new Date(0),
);

describe('parseLogFile', () => {
  it('reads what logFile writes', () => {
    const r = parseLogFile(JSON.stringify(good));
    expect(r.ok && r.file.participants[0].record.participant).toBe('P01');
  });

  it.each([
    ['bad JSON', '{"format":', /^not valid JSON: /],
    ['a journal file', JSON.stringify({ format: 'apparatus-journal', version: 1 }), /^format: /],
    ['no participants list', JSON.stringify({ ...good, participants: undefined }), /^participants: /],
    [
      'a bad event deep inside',
      JSON.stringify({
        ...good,
        participants: [{ ...good.participants[0], events: [{ ...good.participants[0].events[0], seq: -1 }] }],
      }),
      /^participants\[0\]\.events\[0\]\.seq: /,
    ],
  ])('refuses %s, naming where', (_, text, first) => {
    const r = parseLogFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(first);
  });
});
