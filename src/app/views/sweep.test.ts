import { describe, expect, it } from 'vitest';
import { parseSweep } from './sweep';

describe('guidance sweep values', () => {
  it.each<[string, ReturnType<typeof parseSweep>]>([
    ['1, 1.5, 3', { values: [1, 1.5, 3] }],
    ['0 2;4  6 10', { values: [0, 2, 4, 6, 10] }],
    ['1', { problem: 'Give 2 to 5 guidance values, separated by commas.' }],
    ['1,2,3,4,5,6', { problem: 'Give 2 to 5 guidance values, separated by commas.' }],
    ['1, lots', { problem: "'lots' is not a guidance value from 0 to 10." }],
    ['1, 11', { problem: "'11' is not a guidance value from 0 to 10." }],
    ['2, 2', { problem: 'Each guidance value should appear once.' }],
  ])('%j', (text, expected) => expect(parseSweep(text)).toEqual(expected));
});
