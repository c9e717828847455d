import { describe, expect, it } from 'vitest';
import { node } from '../journal/journalFixtures';
import { MemoryJournal, openJournal, saveJournalOrFallBack, type JournalStorage } from './journal';

const failing = (error: unknown): JournalStorage => ({
  kind: 'indexeddb',
  list: async () => [],
  put: async () => {
    throw error;
  },
  clear: async () => undefined,
});

describe('journal storage', () => {
  it('keeps one copy per node id in memory', async () => {
    const m = new MemoryJournal([node('n1')]);
    await m.put([node('n2'), node('n1', { edge: 'changed' })]);
    const all = await m.list();
    expect(all.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(all[0].edge).toBe('changed');
    await m.clear();
    expect(await m.list()).toEqual([]);
  });

  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [new Error('database closed'), 'database closed'],
  ])('moves the whole journal to memory when a save fails (%s)', async (error, words) => {
    const all = [node('n1'), node('n2')];
    const saved = await saveJournalOrFallBack(failing(error), [all[1]], all);
    expect(saved.storage.kind).toBe('memory');
    expect(saved.warning).toContain(words);
    expect((await saved.storage.list()).map((n) => n.id)).toEqual(['n1', 'n2']);
  });

  it('falls back to memory with a warning where there is no IndexedDB (Node)', async () => {
    const opened = await openJournal();
    expect(opened.storage.kind).toBe('memory');
    expect(opened.warning).toContain('kept in memory');
  });
});
