/*
 * Apparatus's service worker: keeps what the app fetches so a page opened once works offline (a workshop with
 * no network). Network first, so a rebuilt app or model is picked up whenever the server answers; the kept
 * copy is used only when the network fails. Same-origin GET requests only. Built by scripts/serviceWorker.ts.
 */
import { cacheNameFor, staleCaches } from './cacheNames';

declare const self: ServiceWorkerGlobalScope;

/** Replaced by the build with the app version and a hash of the build's files (scripts/serviceWorker.ts). */
const CACHE = cacheNameFor('__APPARATUS_BUILD_ID__');

self.addEventListener('install', () => void self.skipWaiting());

// A new build's worker drops every earlier build's cache, so hashed files of old builds do not pile up.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(staleCaches(names, CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Only whole, successful answers are kept (not 206 ranges, not errors).
    if (response.status === 200) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // A page reopened offline may carry another query string (?backend=wasm): any copy of the page will do.
    const kept = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});
