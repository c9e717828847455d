import { describe, expect, it } from 'vitest';
import { z } from './zod';
import { issueLines, parseJsonText, pathText, rangedNumber, strings, text } from './issues';

describe('pathText', () => {
  it.each<[PropertyKey[], string]>([
    [[], 'the file'],
    [['nodes'], 'nodes'],
    [['nodes', 3, 'settings', 'temperature'], 'nodes[3].settings.temperature'],
    [['tokens', 0], 'tokens[0]'],
    [[2, 'id'], '[2].id'],
  ])('%j reads %s', (path, expected) => expect(pathText(path)).toBe(expected));
});

describe('field messages', () => {
  const schema = z.object({
    n: rangedNumber(0, 2),
    k: rangedNumber(1, 9, true),
    s: text({ nonEmpty: true, max: 3 }),
    l: strings(2),
  });
  const good = { n: 1, k: 3, s: 'ab', l: ['x'] };
  it.each<[string, Record<string, unknown>, string]>([
    ['a number out of range', { n: 5 }, 'n must be a number from 0 to 2'],
    ['a number as a string', { n: '1' }, 'n must be a number from 0 to 2'],
    ['a missing number', { n: undefined }, 'n is missing; it must be a number from 0 to 2'],
    ['a fraction for an integer', { k: 1.5 }, 'k must be an integer from 1 to 9'],
    ['a missing string', { s: undefined }, 's is missing'],
    ['an empty string', { s: '' }, 's must not be empty'],
    ['a long string', { s: 'abcd' }, 's must be at most 3 characters'],
    ['a string of the wrong kind', { s: [] }, 's must be a string (found an array)'],
    ['a list too long', { l: ['a', 'b', 'c'] }, 'l must have at most 2 entries (found 3)'],
    ['a list item of the wrong kind', { l: ['a', null] }, 'l[1] must be a string (found null)'],
  ])('%s', (_name, patch, message) => {
    const r = schema.safeParse({ ...good, ...patch });
    expect(r.success).toBe(false);
    if (!r.success) expect(issueLines(r.error)).toContain(message);
  });

  it('accepts good values', () => expect(schema.safeParse(good).success).toBe(true));

  it('keeps at most the given number of findings', () => {
    const r = z.array(rangedNumber(0, 1)).safeParse([5, 5, 5, 5]);
    expect(!r.success && issueLines(r.error, 2)).toHaveLength(2);
  });
});

describe('parseJsonText', () => {
  it('reads JSON', () => expect(parseJsonText('{"a":1}')).toEqual({ ok: true, data: { a: 1 } }));
  it('names a syntax error', () => {
    const r = parseJsonText('{"a":');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^the file is not valid JSON \(/);
  });
});
