import { describe, expect, it } from 'vitest';
import { cacheNameFor, staleCaches } from './cacheNames';

const current = cacheNameFor('0.2.0-b');

describe('staleCaches', () => {
  it.each([
    ['nothing kept yet', [], []],
    ['only the current build', [current], []],
    [
      'earlier builds and the unversioned cache',
      ['apparatus-v1', 'apparatus-0.2.0-a', current],
      ['apparatus-v1', 'apparatus-0.2.0-a'],
    ],
    ['caches that are not ours', ['workbox-precache', 'other-app-v1', current], []],
    ['a name that only contains ours', ['x-apparatus-0.1.0', 'apparatus-0.1.0'], ['apparatus-0.1.0']],
  ])('%s', (_, names, stale) => {
    expect(staleCaches(names, current)).toEqual(stale);
  });
});
