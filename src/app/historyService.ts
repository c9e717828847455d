import { MemoryHistory, openHistory, saveOrFallBack, type HistoryStorage } from '../storage/history';
import { useHistory } from '../store/historyStore';
import { useNotices } from '../store/noticeStore';
import type { Tune } from '../store/types';
import { APP_VERSION } from './env';

/** Storage objects stay here, outside the store; the store only holds the entries and where they live. */
let storage: HistoryStorage = new MemoryHistory();
let ready: Promise<void> | null = null;

export function initHistory(): Promise<void> {
  ready ??= (async () => {
    const opened = await openHistory();
    storage = opened.storage;
    const state = useHistory.getState();
    // Keep anything generated while IndexedDB was opening.
    const pending = state.entries.filter((e) => !opened.entries.some((o) => o.id === e.id));
    state.setEntries([...pending, ...opened.entries]);
    state.setStorage(storage.kind, opened.warning);
    for (const t of pending) await storage.put(t).catch(() => undefined);
    if (opened.warning) useNotices.getState().push(opened.warning, 'warning');
  })();
  return ready;
}

export async function saveTune(tune: Tune): Promise<void> {
  const state = useHistory.getState();
  const before = state.entries;
  state.add(tune);
  await ready;
  const saved = await saveOrFallBack(storage, tune, before);
  if (saved.storage !== storage) {
    storage = saved.storage;
    useHistory.getState().setStorage('memory', saved.warning);
    if (saved.warning) useNotices.getState().push(saved.warning, 'warning');
  }
}

/** Erases history, stored and on show (the workshop reset). */
export async function clearHistory(): Promise<void> {
  await ready;
  await storage.clear();
  useHistory.getState().setEntries([]);
}

/** Every entry as JSON, for the "download history" button (the only copy when history is in memory). */
export function historyJson(): string {
  const { entries, storage: kind } = useHistory.getState();
  return JSON.stringify(
    { app: 'apparatus', appVersion: APP_VERSION, exportedAt: new Date().toISOString(), storage: kind, entries },
    null,
    1,
  );
}
