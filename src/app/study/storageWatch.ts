import type { EventDraft } from '../../study/events';
import { useStudy } from './studyStore';

/** Below this much free quota, or above this share used, the researcher is warned. */
const LOW_FREE_BYTES = 25 * 1024 * 1024;
const HIGH_SHARE = 0.9;
const CHECK_EVERY_MS = 30_000;

export function storageWarning(usage: number, quota: number): string | null {
  if (quota <= 0) return null;
  const free = quota - usage;
  if (free >= LOW_FREE_BYTES && usage / quota <= HIGH_SHARE) return null;
  return `Storage is running low: ${Math.max(0, Math.round(free / 1024 / 1024))} MB left for this site. Export the study data soon.`;
}

/** Checks the storage estimate now and then; a low quota is shown and logged once. */
export function watchStorage(record: (draft: EventDraft) => Promise<boolean>): void {
  if (!navigator.storage?.estimate) return;
  const check = async () => {
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    const warning = storageWarning(usage, quota);
    if (warning && useStudy.getState().storageWarning === null) {
      useStudy.getState().set({ storageWarning: warning });
      await record({ kind: 'storage-warning', payload: { message: warning } });
    }
  };
  void check();
  setInterval(() => void check(), CHECK_EVERY_MS);
}
