import { describe, expect, it } from 'vitest';
import { journalFile } from '../../journal/journal';
import { node, TUNE } from '../../journal/journalFixtures';
import { parseJournal } from '../../journal/journalSchema';
import { DEFAULT_VIEWS } from '../../journal/journalViews';
import { DEFAULT_SETTINGS } from '../../runtime/decode';
import type { Tune } from '../../store/types';
import { provenanceOf } from '../exportService';
import { nodeFrom, tuneFromNode } from './nodeTune';

const written = (backend: Tune['backend']): Tune => ({
  id: 't-1',
  createdAt: 1_700_000_000_000,
  prompt: 'a jig in d major',
  words: ['a', 'jig', 'in', 'd', 'major'],
  unknownWords: [],
  settings: { ...DEFAULT_SETTINGS, seed: 7, maxTokens: 64 },
  references: [],
  tokens: TUNE,
  prefixLength: 0,
  abc: '',
  stopped: 'end',
  modelSha256: 'sha-a',
  backend,
  parentId: null,
  origin: 'model',
  timings: null,
});

/** The way a tune comes back from a journal file: recorded, exported, imported, rebuilt. */
function throughJournalFile(tune: Tune): Tune {
  const recorded = nodeFrom({ ...tune, tuneId: tune.id }, undefined, 'generation', null, DEFAULT_VIEWS);
  const read = parseJournal(JSON.stringify(journalFile([recorded])));
  if (!read.ok) throw new Error(read.errors.join('; '));
  return tuneFromNode(read.value.nodes[0]);
}

describe('a tune rebuilt from its journal node', () => {
  it.each([
    ['WebGPU', 'webgpu', 'webgpu'],
    ['WASM', 'wasm', 'wasm'],
    ['a backend that was not known', 'unknown', 'unknown'],
  ] as const)('names the backend that wrote it: %s', (_name, backend, expected) => {
    const rebuilt = throughJournalFile(written(backend));
    expect(rebuilt.backend).toBe(expected);
    expect(provenanceOf(rebuilt).settings.backend).toBe(expected);
  });

  it('says unknown, not a guess, for a node recorded before nodes kept the backend', () => {
    expect(tuneFromNode(node('n0')).backend).toBe('unknown');
  });

  it('keeps what replay needs', () => {
    const rebuilt = throughJournalFile(written('webgpu'));
    expect(rebuilt).toMatchObject({ id: 't-1', prompt: 'a jig in d major', tokens: TUNE, origin: 'model' });
    expect(rebuilt.settings.seed).toBe(7);
  });
});
