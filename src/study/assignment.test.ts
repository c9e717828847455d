import { describe, expect, it } from 'vitest';
import { assign, balancedLatinRow, latinRows, participantLink, participantNumber, seedFor } from './assignment';
import { studySchema, type Study } from './studySchema';

const study = (design: 'between' | 'within', n: number): Study =>
  studySchema.parse({
    schema: 'apparatus-study/1',
    id: 's',
    version: '1',
    title: 't',
    consent: { title: 'c', text: 'c' },
    dataHandling: 'd',
    conditions: Array.from({ length: n }, (_, i) => ({ id: 'ABCDE'[i], label: 'x', views: [] })),
    assignment: { design },
    tasks: [{ id: 't1', title: 't', instructions: 'i' }],
    debrief: { title: 'd', text: 'd' },
  });

describe('participantNumber', () => {
  it.each([
    ['P07', 7],
    ['p-12-b3', 3],
    ['42', 42],
  ])('%s → %d', (id, n) => expect(participantNumber(id)).toBe(n));
  it('gives ids without digits a stable number', () =>
    expect(participantNumber('anna')).toBe(participantNumber('anna')));
});

describe('balancedLatinRow', () => {
  it.each([2, 3, 4, 5, 6])('balances order and carry-over for %d conditions', (n) => {
    const rows = Array.from({ length: latinRows(n) }, (_, r) => balancedLatinRow(n, r));
    for (const row of rows) expect([...row].sort()).toEqual([...Array(n).keys()]);
    // Each condition at each position equally often, and each ordered pair adjacent equally often.
    const position = new Map<string, number>();
    const pairs = new Map<string, number>();
    for (const row of rows)
      row.forEach((c, i) => {
        position.set(`${c}@${i}`, (position.get(`${c}@${i}`) ?? 0) + 1);
        if (i > 0) pairs.set(`${row[i - 1]}>${c}`, (pairs.get(`${row[i - 1]}>${c}`) ?? 0) + 1);
      });
    expect(new Set(position.values()).size).toBe(1);
    expect(pairs.size).toBe(n * (n - 1));
    expect(new Set(pairs.values()).size).toBe(1);
  });
});

describe('assign', () => {
  it.each([
    ['between', 2, 'P01', null, ['A']],
    ['between', 2, 'P02', null, ['B']],
    ['between', 2, 'P03', null, ['A']],
    ['between', 2, 'P07', 'B', ['B']],
    ['within', 2, 'P01', null, ['A', 'B']],
    ['within', 2, 'P02', null, ['B', 'A']],
    ['within', 2, 'P05', 'B,A', ['B', 'A']],
    ['within', 3, 'P04', null, ['C', 'B', 'A']],
  ] as const)('%s design, %d conditions, %s with %s → %j', (design, n, p, requested, want) => {
    expect(assign(study(design, n), p, requested)).toMatchObject({ ok: true, conditions: want });
  });

  it.each([
    ['between', 'P01', 'Z', 'condition "Z" is not in this study (A, B)'],
    ['between', 'P01', 'A,B', 'a between-subjects study takes one condition'],
    ['within', 'P01', 'A', 'a within-subjects order names every condition once (A,B)'],
    ['within', 'P01', 'A,A', 'a within-subjects order names every condition once (A,B)'],
    ['between', 'Ann Smith', null, 'participant id "Ann Smith": use 1-32 letters, digits, "-" or "_"'],
  ] as const)('%s design refuses %s with %s', (design, p, requested, error) => {
    expect(assign(study(design, 2), p, requested)).toEqual({ ok: false, error });
  });
});

describe('seeds and links', () => {
  it('derives the same seed for the same participant and task, and others for others', () => {
    const s = study('between', 2);
    expect(seedFor(s, 'P01', 't1')).toBe(seedFor(s, 'P01', 't1'));
    expect(seedFor(s, 'P01', 't1')).not.toBe(seedFor(s, 'P02', 't1'));
    expect(seedFor(s, 'P01', 't1')).not.toBe(seedFor(s, 'P01', 't2'));
  });
  it('builds a link with the study, participant and condition order', () => {
    expect(participantLink('http://h/app/?x=1#y', 's', 'P03', ['B', 'A'])).toBe(
      'http://h/app/?study=s&participant=P03&condition=B%2CA',
    );
  });
});
