import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { testLog, testTune } from '../testEvents';
import { EVENT_COLUMNS, eventsCsv, QUESTIONNAIRE_COLUMNS, questionnaireCsv } from './csv';

const rowsOf = (csv: string) => csvParseRows(csv.trimEnd());

describe('eventsCsv', () => {
  const awkward = [
    ['a comma', 'slow, sad air'],
    ['a quote', 'the "old" reel'],
    ['a line break', 'first line\nsecond line'],
    ['a CRLF', 'one\r\ntwo'],
    ['unicode', 'Ó Riada’s lament ♪'],
    ['a leading space', '  spaced '],
    ['empty', ''],
  ] as const;

  it.each(awkward)('keeps free text with %s whole in one field', (_, text) => {
    const csv = eventsCsv(testLog('P01', [{ kind: 'journal-note', payload: { nodeId: 'n1', text } }]));
    const [header, row] = rowsOf(csv);
    expect(header).toEqual([...EVENT_COLUMNS]);
    expect(row).toHaveLength(EVENT_COLUMNS.length);
    expect(JSON.parse(row[header.indexOf('payload')])).toEqual({ nodeId: 'n1', text });
  });

  it('writes one row per event in study, participant, sequence order', () => {
    const p2 = testLog('P02', [{ kind: 'consent', payload: { agreed: true } }]);
    const p1 = testLog('P01', [
      { kind: 'consent', payload: { agreed: true } },
      { kind: 'prompt-edit', payload: { text: 'a jig' }, task: 't1' },
      testTune('t-1', 'a jig'),
    ]);
    const rows = rowsOf(eventsCsv([...p2, p1[2], p1[0], p1[1]])).slice(1);
    const col = (name: string) => EVENT_COLUMNS.indexOf(name as (typeof EVENT_COLUMNS)[number]);
    expect(rows.map((r) => [r[col('participant')], r[col('seq')], r[col('kind')]])).toEqual([
      ['P01', '0', 'consent'],
      ['P01', '1', 'prompt-edit'],
      ['P01', '2', 'tune'],
      ['P02', '0', 'consent'],
    ]);
    // No task is an empty field, not "null".
    expect(rows[0][col('task')]).toBe('');
    expect(rows[1][col('task')]).toBe('t1');
    expect(rows[0][col('wall_time')]).toBe(new Date(Number(rows[0][col('wall_ms')])).toISOString());
  });

  it('writes only the header for no events', () => {
    expect(rowsOf(eventsCsv([]))).toEqual([[...EVENT_COLUMNS]]);
  });
});

describe('questionnaireCsv', () => {
  const answer = (item: string, value: string | number | null) =>
    ({ kind: 'questionnaire-answer', payload: { questionnaire: 'sus', item, value } }) as const;

  it.each([
    [
      'one answer per item',
      [answer('q1', 4), answer('q2', 2)],
      [
        ['q1', '4', '1'],
        ['q2', '2', '1'],
      ],
    ],
    ['a changed answer keeps the last, counted', [answer('q1', 4), answer('q1', 5)], [['q1', '5', '2']]],
    ['a blank answer is an empty field', [answer('q1', null)], [['q1', '', '1']]],
    [
      'free text is quoted whole',
      [answer('why', 'it was "fun", mostly\nand odd')],
      [['why', 'it was "fun", mostly\nand odd', '1']],
    ],
    ['other events are left out', [{ kind: 'consent', payload: { agreed: true } } as const], []],
  ])('%s', (_, drafts, expected) => {
    const [header, ...rows] = rowsOf(questionnaireCsv(testLog('P01', drafts)));
    expect(header).toEqual([...QUESTIONNAIRE_COLUMNS]);
    const at = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[at('item')], r[at('value')], r[at('answers')]])).toEqual(expected);
  });

  it('keeps two participants answering the same item apart', () => {
    const events = [...testLog('P01', [answer('q1', 1)]), ...testLog('P02', [answer('q1', 5)])];
    const rows = rowsOf(questionnaireCsv(events)).slice(1);
    expect(rows.map((r) => [r[2], r[QUESTIONNAIRE_COLUMNS.indexOf('value')]])).toEqual([
      ['P01', '1'],
      ['P02', '5'],
    ]);
  });
});
