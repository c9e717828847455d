import { describe, expect, it } from 'vitest';
import { IMPORT_CAPS, overCap } from './importCaps';

describe('overCap', () => {
  it.each([
    ['an empty journal file', 0, IMPORT_CAPS.journalFile, null],
    ['a journal file at the cap', 40_000_000, IMPORT_CAPS.journalFile, null],
    [
      'a journal file one byte over',
      40_000_001,
      IMPORT_CAPS.journalFile,
      'The journal file is 40.1 MB, more than the 40.0 MB this app reads.',
    ],
    [
      'a 50 MiB journal file',
      50 * 1024 * 1024,
      IMPORT_CAPS.journalFile,
      'The journal file is 52.5 MB, more than the 40.0 MB this app reads.',
    ],
    ['a tune of ABC', 1_018, IMPORT_CAPS.abcText, null],
    ['ABC at the cap', 10_000, IMPORT_CAPS.abcText, null],
    [
      'ABC over the cap',
      123_456,
      IMPORT_CAPS.abcText,
      'The ABC text is 123,456 characters, more than the 10,000 characters this app reads.',
    ],
  ])('%s', (_name, size, cap, message) => {
    expect(overCap(size, cap)).toBe(message);
  });
});
