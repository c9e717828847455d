/**
 * Registers the service worker (src/offline/sw.ts, built to sw.js) in production builds through workbox-window.
 * The worker precaches the whole app when it installs, so a page opened once keeps working without a network. A
 * new deployment installs beside the running one and waits; the page asks the visitor before switching, since a
 * switch reloads the page. The dev server is left alone: its modules change on every edit.
 */
import { Workbox } from 'workbox-window';
import { installSchedule } from './installSchedule';
import { useOffline } from '../store/offlineStore';
import { useTune } from '../store/tuneStore';
import { currentModel, currentModelError } from './modelService';
import { queryClient } from './queryClient';

/** Kiosks stay open all day: look for a new deployment this often, besides on every page load. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let workbox: Workbox | null = null;

export function registerOfflineSupport(): void {
  const offline = useOffline.getState();
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) {
    offline.setInstall('unavailable');
    return;
  }
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`);
  workbox = wb;
  wb.addEventListener('waiting', () => useOffline.getState().setUpdateWaiting(true));
  // Once the new worker controls the page, the page reloads to run the files it serves.
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  wb.addEventListener('activated', (event) => {
    if (!event.isUpdate) useOffline.getState().setInstall('ready');
  });
  offline.setInstall('installing');
  wb.register()
    .then((registration) => {
      // A page opened after the install finds the worker already active.
      if (registration?.active && !registration.installing) useOffline.getState().setInstall('ready');
      window.setInterval(() => void wb.update(), UPDATE_CHECK_MS);
    })
    .catch((e: unknown) => {
      // Offline use is a convenience; the app works the same without it.
      console.warn('offline support unavailable:', e);
      useOffline.getState().setInstall('unavailable');
    });
}

/** Registers the worker once the visit pauses (installSchedule.ts says when). */
export function registerOfflineSupportWhenSettled(): void {
  const schedule = installSchedule(registerOfflineSupport, {
    set: (fn, ms) => window.setTimeout(fn, ms),
    clear: (id) => window.clearTimeout(id as number),
  });
  useTune.subscribe((s, prev) => {
    if (!s.streaming !== !prev.streaming) schedule.streaming(s.streaming !== null);
  });
  const onModel = () => {
    if (!currentModel() && !currentModelError()) return false;
    schedule.modelSettled();
    return true;
  };
  if (!onModel()) {
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (onModel()) unsubscribe();
    });
  }
}

/** The visitor agreed: the waiting worker takes over, and the 'controlling' handler above reloads the page. */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}

export function postponeUpdate(): void {
  useOffline.getState().setUpdateWaiting(false);
}
