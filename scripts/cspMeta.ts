import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../server/contentSecurityPolicy';

/**
 * Writes the Content-Security-Policy into the built index.html, first in <head> so it covers every script,
 * for hosts that send no header. Build only: the dev server's React refresh runs an inline script.
 */
export function cspMeta(): Plugin {
  return {
    name: 'apparatus-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
