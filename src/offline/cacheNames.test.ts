import { describe, expect, it } from 'vitest';
import { legacyCaches } from './cacheNames';

const precache = 'workbox-precache-v2-http://localhost:4173/';

describe('legacyCaches', () => {
  it.each([
    ['nothing kept yet', [], []],
    ['only the Workbox precache', [precache], []],
    [
      'builds of the earlier worker and its unversioned cache',
      ['apparatus-v1', 'apparatus-0.2.0-a', precache],
      ['apparatus-v1', 'apparatus-0.2.0-a'],
    ],
    ['caches that are not ours', ['other-app-v1', 'workbox-runtime', precache], []],
    ['a name that only contains ours', ['x-apparatus-0.1.0', 'apparatus-0.1.0'], ['apparatus-0.1.0']],
  ])('%s', (_, names, stale) => {
    expect(legacyCaches(names)).toEqual(stale);
  });
});
