import { parseTune } from '../music/abcParse';
import { eventsToAbc } from '../music/canonical';
import { toNoteSequence } from '../music/noteSequence';
import type { Provenance, ReferenceProvenance } from './provenance';

/** A short jig with a pickup, a rest and a tie, in canonical ABC as the app would write it. */
const tune = parseTune('X:1\nM:6/8\nL:1/8\nK:G\nD|GAB c2d|e2z dBG|A3- A2D|G3 G2|]\n');
export const TUNE_ABC = eventsToAbc(tune.meter, tune.key, tune.events, { title: 'Test Jig' });
export const TUNE_SEQ = toNoteSequence(tune.meter, tune.key, tune.events);
export const TUNE_EVENTS = tune.events;
export const TUNE_META = { meter: tune.meter, key: tune.key };

export const PROVENANCE: Provenance = {
  app: { name: 'Apparatus', version: '0.1.0' },
  modelSha256: 'ab'.repeat(32),
  prompt: 'a lively jig in G',
  seed: 42,
  settings: { temperature: 0.9, topK: 40 },
  timestamp: '2025-01-02T03:04:05.000Z',
};

export const FULL_PROVENANCE: Provenance = {
  ...PROVENANCE,
  prompt: 'a "100%" jig,\nfor Zoë',
  conditioning: 'M:6/8 K:Gmaj',
  attribution: 'after The Kesh (trad.)',
  copyFlag: 'close to corpus tune 1234 (0.82)',
};

/** A catalogue tune with every credit, one with only the required ones, and pasted ABC. */
export const REFERENCES: readonly ReferenceProvenance[] = [
  {
    kind: 'catalogue',
    id: 'oneills1850-2',
    title: 'The Kesh',
    first: 1,
    last: 4,
    credits: {
      collection: "O'Neill's Music of Ireland (the 1850)",
      book: 'Double Jigs',
      number: '2',
      composer: 'trad.',
      encoder: 'John Chambers',
      sourceFile: 'oneills1850/jigs.abc',
    },
  },
  {
    kind: 'catalogue',
    id: 'airdsAirs-book1-0001',
    title: 'The Ranting Highlandman.',
    first: 3,
    last: 3,
    credits: {
      collection: "Aird's Selection of Scotch, English, Irish and Foreign Airs",
      book: null,
      number: '0001',
      composer: null,
      encoder: null,
      sourceFile: 'airdsAirs/book1.abc',
    },
  },
  { kind: 'abc', title: 'My "100%" Tune', first: 5, last: 8, tokensSha256: 'cd'.repeat(32) },
];

export const REFERENCED_PROVENANCE: Provenance = { ...FULL_PROVENANCE, references: REFERENCES };
