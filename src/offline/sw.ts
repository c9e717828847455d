/*
 * Apparatus's service worker. At install it precaches every file of the build (the list Workbox's injectManifest
 * writes into self.__WB_MANIFEST, each with a revision), so a page opened once works with no network: a workshop
 * room. Files are served from the precache; a new deployment is a new worker that waits until the visitor agrees
 * to update (src/app/offline.ts asks), then takes over. Built by scripts/pwa.ts.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { legacyCaches } from './cacheNames';
import { SKIP_WAITING } from './messages';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
// Workbox drops files a new manifest no longer lists; this drops caches of earlier Workbox versions.
cleanupOutdatedCaches();
// A page opened with any query string (?backend=wasm, ?kiosk) is the same page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});

// The hand-written worker that came before kept one cache per build; none of them is read any more. Taking the
// open pages at once is safe: the first install has none, and an update activates only when the visitor agreed.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(legacyCaches(names).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});
