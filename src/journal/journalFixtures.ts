/** Deterministic journal nodes for tests. */
import type { Reference } from '../music/excerpt';
import { DEFAULT_SETTINGS } from '../runtime/decode';
import type { JournalNode } from './journal';
import { DEFAULT_VIEWS } from './journalViews';

export const TUNE = ['M:6/8', 'K:Dmaj', 'D', '2', 'F', 'A', '|', 'd', '2', 'A', 'F', '|'];

/** Bar 2 of TUNE as a reference. */
export const REFERENCE: Reference = {
  source: { kind: 'catalogue', id: 'fixture-0001', title: 'The Fixture Jig' },
  first: 2,
  last: 2,
  tokens: ['M:6/8', 'K:Dmaj', 'd', '2', 'A', 'F', '|'],
};

export function node(id: string, patch: Partial<JournalNode> = {}): JournalNode {
  return {
    id,
    parentId: null,
    kind: 'generation',
    createdAt: 1_700_000_000_000 + Number(id.replace(/\D/g, '') || 0),
    edge: null,
    prompt: 'a jig in d major',
    words: ['a', 'jig', 'in', 'd', 'major'],
    unknownWords: [],
    settings: { ...DEFAULT_SETTINGS, seed: 7, maxTokens: 64 },
    references: [],
    prefixLength: 0,
    tokens: TUNE,
    stopped: 'end',
    modelSha256: 'sha-a',
    tuneId: `t-${id}`,
    reading: null,
    views: DEFAULT_VIEWS,
    notes: [],
    ...patch,
  };
}
