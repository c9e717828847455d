import { create } from 'zustand';

/**
 * The offline install as the page sees it: `installing` while the service worker precaches the app, `ready`
 * once every file is kept, `unavailable` where the browser or build has none. `updateWaiting`: a newer
 * deployment is installed and waits for the visitor to agree.
 */
export type OfflineInstall = 'none' | 'installing' | 'ready' | 'unavailable';

interface OfflineState {
  readonly install: OfflineInstall;
  readonly updateWaiting: boolean;
  setInstall(install: OfflineInstall): void;
  setUpdateWaiting(waiting: boolean): void;
}

export const useOffline = create<OfflineState>()((set) => ({
  install: 'none',
  updateWaiting: false,
  setInstall: (install) => set({ install }),
  setUpdateWaiting: (updateWaiting) => set({ updateWaiting }),
}));
