import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')] as const));

describe('content security policy', () => {
  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('the header sets %s to %s', (name, value) => {
    expect(directives(CONTENT_SECURITY_POLICY).get(name)).toBe(value);
  });

  it('the meta tag carries the same policy less frame-ancestors, which a meta tag cannot set', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(header);
  });

  it("allows inline style elements only by hash, never with 'unsafe-inline'", () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('style-src')).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
  });
});
