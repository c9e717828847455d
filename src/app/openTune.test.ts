import { beforeEach, expect, test } from 'vitest';
import type { Reference } from '../music/excerpt';
import { INITIAL_SETTINGS, useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import type { Tune } from '../store/types';
import { openTune } from './openTune';

const KESH: Reference = {
  source: { kind: 'catalogue', id: 'k-1', title: 'The Kesh' },
  first: 1,
  last: 2,
  tokens: ['M:6/8'],
};

const tune = (over: Partial<Tune>): Tune => ({
  id: 't-air',
  createdAt: 0,
  prompt: 'a slow air in E minor',
  words: ['a', 'slow', 'air', 'in', 'e', 'minor'],
  unknownWords: [],
  settings: { ...INITIAL_SETTINGS, seed: 41, temperature: 0.7 },
  tokens: ['M:3/4', 'K:Emin', 'E', '|'],
  prefixLength: 0,
  abc: '',
  stopped: 'end',
  modelSha256: '',
  backend: 'wasm',
  parentId: null,
  origin: 'model',
  timings: null,
  ...over,
});

beforeEach(() => {
  useTune.getState().setCurrent(null);
  useSettings.getState().reset();
  // What the page holds after writing another tune: its prompt, seed and a reference.
  useSettings.getState().setPrompt('a reel in G major');
  useSettings.getState().update({ seed: 42, temperature: 1.1 });
  useSettings.getState().setReferences([{ ...KESH, first: 3, last: 4 }]);
});

test.each([
  ['a tune with references, seed unlocked', tune({ references: [KESH] }), false, [KESH]],
  ['a tune from before references existed, seed locked', tune({}), true, []],
])('opening %s restores its prompt, settings and references; the lock stays', (_, t, locked, refs) => {
  useSettings.getState().setSeedLocked(locked);
  openTune(t);
  const s = useSettings.getState();
  expect(useTune.getState().current).toBe(t);
  expect(s.prompt).toBe(t.prompt);
  expect(s.settings).toEqual(t.settings);
  expect(s.references).toEqual(refs);
  expect(s.seedLocked).toBe(locked);
});
