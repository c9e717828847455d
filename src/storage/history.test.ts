import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../runtime/decode';
import type { Tune } from '../store/types';
import { MemoryHistory, isQuotaError, saveOrFallBack, type HistoryStorage } from './history';

const tune = (id: string): Tune => ({
  id,
  createdAt: 1,
  prompt: 'p',
  words: ['p'],
  unknownWords: [],
  settings: DEFAULT_SETTINGS,
  tokens: ['M:4/4', 'K:Dmaj'],
  prefixLength: 0,
  abc: '',
  stopped: 'end',
  modelSha256: 'x',
  backend: 'wasm',
  parentId: null,
  origin: 'model',
  timings: null,
});

const failing = (error: unknown): HistoryStorage => ({
  kind: 'indexeddb',
  list: async () => [],
  put: async () => {
    throw error;
  },
  clear: async () => undefined,
});

describe('history storage', () => {
  it('keeps newest first in memory, without duplicates', async () => {
    const m = new MemoryHistory();
    await m.put(tune('a'));
    await m.put(tune('b'));
    await m.put(tune('a'));
    expect((await m.list()).map((t) => t.id)).toEqual(['a', 'b']);
    await m.clear();
    expect(await m.list()).toEqual([]);
  });

  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [new Error('database closed'), 'database closed'],
  ])('moves to memory when a save fails (%s)', async (error, words) => {
    const saved = await saveOrFallBack(failing(error), tune('new'), [tune('old')]);
    expect(saved.storage.kind).toBe('memory');
    expect(saved.warning).toContain(words);
    expect((await saved.storage.list()).map((t) => t.id)).toEqual(['new', 'old']);
  });

  it('recognises quota errors', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });
});
