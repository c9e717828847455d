import { describe, expect, test } from 'vitest';
import { parseTune } from '../music/abcParse';
import { abcjsWarnings } from '../music/abcjsCheck';
import { eventsToAbc } from '../music/canonical';
import { abcWithProvenance } from './abcExport';
import { provenanceLines } from './provenance';
import { FULL_PROVENANCE, PROVENANCE, REFERENCED_PROVENANCE, TUNE_ABC, TUNE_EVENTS, TUNE_META } from './testFixtures';

describe.each([
  ['minimal provenance', PROVENANCE],
  ['full provenance with %, quotes and a newline', FULL_PROVENANCE],
  ['provenance with references', REFERENCED_PROVENANCE],
])('abcWithProvenance, %s', (_, p) => {
  const abc = abcWithProvenance(TUNE_ABC, p);
  const lines = abc.split('\n');

  test('abcjs reads it without warnings', () => expect(abcjsWarnings(abc)).toEqual([]));

  test('keeps every provenance line as a comment straight after X:', () => {
    const comments = provenanceLines(p).map((l) => `% ${l}`);
    expect(lines[0]).toBe('X:1');
    expect(lines.slice(1, 1 + comments.length)).toEqual(comments);
  });

  test('adds one N: note in the header, before K:', () => {
    const n = lines.findIndex((l) => l.startsWith('N:'));
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(lines.findIndex((l) => l.startsWith('K:')));
    expect(lines[n]).not.toMatch(/[^\\]%/); // a bare % would cut the note short
  });

  test('the tune itself is unchanged', () => {
    const back = parseTune(abc);
    expect(back.events).toEqual(TUNE_EVENTS);
    expect(back.header.T).toEqual(['Test Jig']);
  });
});

test('the references are listed in the comments and named in the N: note', () => {
  const lines = abcWithProvenance(TUNE_ABC, REFERENCED_PROVENANCE).split('\n');
  expect(lines).toContain('% references: 3 excerpts read by the model beside the prompt (inference-time attribution)');
  expect(lines.filter((l) => /^% reference-\d: /.test(l))).toHaveLength(3);
  expect(lines.find((l) => l.startsWith('N:'))).toMatch(/reading references: The Kesh, bars 1-4; .*My "100\\%" Tune/);
});

test.each([
  ['minimal', PROVENANCE],
  ['full', FULL_PROVENANCE],
])('no references (%s) writes the same bytes as before references existed', (_, p) => {
  expect(abcWithProvenance(TUNE_ABC, { ...p, references: [] })).toBe(abcWithProvenance(TUNE_ABC, p));
});

test('a tune without K: is refused', () => {
  expect(() => abcWithProvenance('X:1\nT:No key\n', PROVENANCE)).toThrow(/K:/);
});

describe('the T: title', () => {
  const untitled = eventsToAbc(TUNE_META.meter, TUNE_META.key, TUNE_EVENTS);

  test.each([
    ['the prompt', 'a slow air in E minor', 'a slow air in E minor'],
    ['no prompt', '  ', 'Unconditional tune'],
    ['a prompt with % and a newline', 'a "100%" jig,\nfor Zoë', 'a "100\\%" jig, for Zoë'],
  ])('a tune without one gets one from %s, after the comments and before K:', (_, prompt, title) => {
    const abc = abcWithProvenance(untitled, { ...PROVENANCE, prompt });
    const lines = abc.split('\n');
    expect(lines.filter((l) => l.startsWith('T:'))).toEqual([`T:${title}`]);
    const t = lines.indexOf(`T:${title}`);
    expect(lines[t - 1]).toMatch(/^% /);
    expect(t).toBeLessThan(lines.findIndex((l) => l.startsWith('K:')));
    expect(abcjsWarnings(abc)).toEqual([]);
    // Read back whole: an escaped % does not cut the title short.
    expect(parseTune(abc).header.T).toEqual([title]);
  });

  test('a tune that has a title keeps it and gets no second one', () => {
    const lines = abcWithProvenance(TUNE_ABC, PROVENANCE).split('\n');
    expect(lines.filter((l) => l.startsWith('T:'))).toEqual(['T:Test Jig']);
  });
});
