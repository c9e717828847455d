/**
 * Registers the service worker (src/offline/sw.ts, built to sw.js) in production builds, so a page opened once
 * keeps working without a network (the app, the model and whatever else was fetched). The dev server is left
 * alone: its modules change on every edit.
 */
export function registerOfflineSupport(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
      // Offline use is a convenience; the app works the same without it.
      console.warn('offline support unavailable:', e);
    });
  });
}
