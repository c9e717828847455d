import { describe, expect, it } from 'vitest';
import { storageWarning } from './storageWatch';

const MB = 1024 * 1024;

describe('storageWarning', () => {
  it.each([
    ['plenty left', 10 * MB, 1000 * MB, null],
    ['quota unknown', 10 * MB, 0, null],
    [
      'under 25 MB left',
      990 * MB,
      1000 * MB,
      'Storage is running low: 10 MB left for this site. Export the study data soon.',
    ],
    [
      'over 90% used of a large quota',
      950 * MB,
      1000 * MB,
      'Storage is running low: 50 MB left for this site. Export the study data soon.',
    ],
    [
      'over quota',
      1010 * MB,
      1000 * MB,
      'Storage is running low: 0 MB left for this site. Export the study data soon.',
    ],
  ])('%s', (_, usage, quota, want) => expect(storageWarning(usage, quota)).toBe(want));
});
