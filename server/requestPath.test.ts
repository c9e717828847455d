import { describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH, isInside, resolveRequestPath, type RequestPath } from './requestPath';

const root = '/srv/site';

/** Test titles for very long paths. */
const shorten = (path: string) => (path.length > 80 ? `${path.slice(0, 40)}… (${path.length} characters)` : path);

describe('resolveRequestPath', () => {
  const cases: [urlPath: string, expected: RequestPath][] = [
    ['/', { file: '/srv/site/' }],
    ['/index.html', { file: '/srv/site/index.html' }],
    ['/assets/app-1a2b.js', { file: '/srv/site/assets/app-1a2b.js' }],
    ['/a%20b.txt', { file: '/srv/site/a b.txt' }],
    ['/..foo.txt', { file: '/srv/site/..foo.txt' }],
    ['/assets/%2e%2e/index.html', { file: '/srv/site/index.html' }],
    // A sibling folder whose name starts with the root's: the bug a bare startsWith(root) let through.
    ['/..%2Fsite-secret%2Fkey.txt', { status: 403 }],
    ['/%2e%2e%2fsite-secret/key.txt', { status: 403 }],
    // Up and back down into the root itself is harmless.
    ['/..%2Fsite%2Findex.html', { file: '/srv/site/index.html' }],
    ['/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', { status: 403 }],
    ['/..%2f', { status: 403 }],
    ['/..', { status: 403 }],
    ['/..%5C..%5Cetc%5Cpasswd', { status: 400 }],
    ['/a%5cb', { status: 400 }],
    ['/index.html%00.png', { status: 400 }],
    ['/%00', { status: 400 }],
    ['/%E0%A4%A', { status: 400 }],
    ['/%', { status: 400 }],
    [`/${'a'.repeat(MAX_PATH_LENGTH)}`, { status: 414 }],
    [`/${'..%2F'.repeat(400)}etc%2Fpasswd`, { status: 414 }],
  ];
  it.each(cases.map(([path, expected]) => [shorten(path), expected, path] as const))(
    '%s → %j',
    (_, expected, urlPath) => {
      expect(resolveRequestPath(root, urlPath)).toEqual(expected);
    },
  );
});

describe('isInside', () => {
  it.each([
    ['/srv/site', true],
    ['/srv/site/a/b', true],
    ['/srv/site/..a', true],
    ['/srv/site-secret', false],
    ['/srv/site-secret/key.txt', false],
    ['/srv/sitex', false],
    ['/srv', false],
    ['/etc/passwd', false],
  ])('%s → %s', (path, inside) => {
    expect(isInside(root, path)).toBe(inside);
  });
});
