import { describe, expect, it } from 'vitest';
import { journalFile, type JournalNode } from './journal';
import { node, REFERENCE } from './journalFixtures';
import { parseJournal, validateJournal } from './journalSchema';
import { DEFAULT_VIEWS } from './journalViews';

const good = () =>
  journalFile(
    [
      node('n0'),
      node('n1', { parentId: 'n0', edge: "without 'jig'", references: [REFERENCE] }),
      node('n2', {
        parentId: 'n1',
        notes: [{ id: 'note-1', author: 'you', createdAt: 5, text: 'my words', view: DEFAULT_VIEWS }],
      }),
      node('n3', {
        parentId: 'n0',
        kind: 'reading',
        reading: { label: 'change', baseTotal: -80, perturbations: [{ description: 'x', words: ['a'], change: -2 }] },
      }),
    ],
    new Date(0),
  );

/** A good file with one change made to a copy of it. */
function bad(change: (f: { nodes: Record<string, unknown>[] } & Record<string, unknown>) => void): unknown {
  const f = JSON.parse(JSON.stringify(good()));
  change(f);
  return f;
}
const setNode = (i: number, patch: Record<string, unknown>) => (f: { nodes: Record<string, unknown>[] }) =>
  Object.assign(f.nodes[i], patch);

describe('journal schema', () => {
  it('accepts a good file and round-trips it', () => {
    const file = good();
    const r = validateJournal(JSON.parse(JSON.stringify(file)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(file);
  });

  it('reads a node from before references as having none', () => {
    const r = validateJournal(bad((f) => delete f.nodes[0].references));
    expect(r.ok && r.value.nodes[0].references).toEqual([]);
  });

  it.each([['webgpu'], ['wasm']])('keeps the backend %s that wrote a node', (backend) => {
    const r = validateJournal(bad(setNode(0, { backend })));
    expect(r.ok && r.value.nodes[0].backend).toBe(backend);
  });

  it('fills missing view settings with defaults', () => {
    const r = validateJournal(bad(setNode(0, { views: { tab: 'diffraction' } })));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.nodes[0].views).toEqual({ ...DEFAULT_VIEWS, tab: 'diffraction' });
  });

  it.each([
    ['a journal from before the rank distance: the default', { top: 3 }, DEFAULT_VIEWS.diffraction.minRankDistance],
    ['a rank distance of 1 (every difference)', { top: 3, minRankDistance: 1 }, 1],
    ['a rank distance of 4', { minRankDistance: 4 }, 4],
  ])('reads the diffraction view of %s', (_name, diffraction, expected) => {
    const r = validateJournal(bad(setNode(1, { views: { diffraction } })));
    expect(r.ok && r.value.nodes[1].views?.diffraction.minRankDistance).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    [
      'rank distance below 1',
      bad(setNode(1, { views: { diffraction: { minRankDistance: 0 } } })),
      'nodes[1].views.diffraction.minRankDistance must be an integer from 1 to 32',
    ],
    ['an unknown backend', bad(setNode(2, { backend: 'cuda' })), 'nodes[2].backend must be one of webgpu, wasm'],
    ['not an object', [], 'the file must be an object (found an array)'],
    [
      'wrong format',
      { format: 'x', version: 1, nodes: [] },
      'format must be "apparatus-journal" (is this an Apparatus journal?)',
    ],
    ['future version', bad((f) => (f.version = 2)), 'version 2 is not supported; this app reads version 1'],
    ['nodes not an array', bad((f) => (f.nodes = {} as never)), 'nodes must be an array (found object)'],
    ['node not an object', bad((f) => (f.nodes[1] = 7 as never)), 'nodes[1] must be an object (found number)'],
    [
      'temperature out of range',
      bad((f) => ((f.nodes[3].settings as Record<string, unknown>).temperature = 5)),
      'nodes[3].settings.temperature must be a number from 0 to 2',
    ],
    [
      'temperature a string',
      bad((f) => ((f.nodes[1].settings as Record<string, unknown>).temperature = '0.9')),
      'nodes[1].settings.temperature must be a number from 0 to 2',
    ],
    [
      'seed not an integer',
      bad((f) => ((f.nodes[0].settings as Record<string, unknown>).seed = 1.5)),
      'nodes[0].settings.seed must be an integer from 0 to 4294967295',
    ],
    [
      'missing guidance',
      bad((f) => delete (f.nodes[2].settings as Record<string, unknown>).guidance),
      'nodes[2].settings.guidance is missing; it must be a number from 0 to 10',
    ],
    [
      'fitBars not boolean',
      bad((f) => ((f.nodes[0].settings as Record<string, unknown>).fitBars = 'yes')),
      'nodes[0].settings.fitBars must be true or false',
    ],
    [
      'mode not a mode',
      bad((f) => ((f.nodes[0].settings as Record<string, unknown>).mode = 'blues')),
      'nodes[0].settings.mode must be one of maj, min, dor, mix, lyd, phr, loc, or null',
    ],
    ['missing id', bad((f) => delete f.nodes[2].id), 'nodes[2].id is missing'],
    ['empty id', bad(setNode(2, { id: '' })), 'nodes[2].id must not be empty'],
    ['duplicate id', bad(setNode(2, { id: 'n0' })), 'nodes[2].id "n0" is already used by nodes[0]'],
    ['dangling parent', bad(setNode(1, { parentId: 'zz' })), 'nodes[1].parentId "zz" names no node in the file'],
    [
      'cycle',
      bad((f) => {
        f.nodes[0].parentId = 'n2';
      }),
      'nodes[0] is its own ancestor (the parent links form a cycle)',
    ],
    [
      'unknown kind',
      bad(setNode(0, { kind: 'dream' })),
      'nodes[0].kind must be one of generation, continuation, edit, regeneration, sweep, reading',
    ],
    [
      'token not a string',
      bad(setNode(0, { tokens: ['M:6/8', 3] })),
      'nodes[0].tokens[1] must be a string (found number)',
    ],
    [
      'prefix longer than tune',
      bad(setNode(0, { prefixLength: 99 })),
      'nodes[0].prefixLength must be an integer from 0 to 12',
    ],
    [
      'note by someone else',
      bad((f) => ((f.nodes[2].notes as Record<string, unknown>[])[0].author = 'the model')),
      'nodes[2].notes[0].author must be "you" (notes are the user\'s own)',
    ],
    [
      'note text not a string',
      bad((f) => ((f.nodes[2].notes as Record<string, unknown>[])[0].text = null)),
      'nodes[2].notes[0].text must be a string (found null)',
    ],
    [
      'bad attention layer',
      bad(setNode(1, { views: { attention: { layers: 'one', layer: 0 } } })),
      'nodes[1].views.attention.layer must be an integer from 1 to 64',
    ],
    [
      'unknown attention setting',
      bad(setNode(1, { views: { attention: { colour: 'red' } } })),
      'nodes[1].views.attention.colour is not a setting of this view',
    ],
    [
      'bad diffraction side',
      bad(setNode(1, { views: { diffraction: { b: { method: 'gradient' } } } })),
      'nodes[1].views.diffraction.b.method must be one of attention, occlusion',
    ],
    [
      'bad tab',
      bad(setNode(1, { views: { tab: 'mind' } })),
      'nodes[1].views.tab must be one of attention, perturbation, sweep, diffraction, journal',
    ],
    [
      'sweep too long',
      bad(setNode(1, { views: { sweep: { values: [1, 2, 3, 4, 5, 6] } } })),
      'nodes[1].views.sweep.values must be a list of 2 to 5 guidance values',
    ],
    ['reading without record', bad(setNode(3, { reading: null })), 'nodes[3].reading must be given for a reading node'],
    [
      'too many references',
      bad(setNode(1, { references: [REFERENCE, REFERENCE, REFERENCE, REFERENCE] })),
      'nodes[1].references must have at most 3 references (found 4)',
    ],
    [
      'reference of unknown kind',
      bad(setNode(1, { references: [{ ...REFERENCE, source: { ...REFERENCE.source, kind: 'url' } }] })),
      'nodes[1].references[0].source.kind must be one of catalogue, abc',
    ],
    [
      'reference range backwards',
      bad(setNode(1, { references: [{ ...REFERENCE, first: 3, last: 2 }] })),
      'nodes[1].references[0].last must be an integer from 3 to 10000',
    ],
    [
      'reference too long',
      bad(setNode(1, { references: [{ ...REFERENCE, tokens: new Array(97).fill('A') }] })),
      'nodes[1].references[0].tokens must have at most 96 entries (found 97)',
    ],
    [
      'reading change not a number',
      bad(
        (f) => ((f.nodes[3].reading as { perturbations: Record<string, unknown>[] }).perturbations[0].change = 'big'),
      ),
      'nodes[3].reading.perturbations[0].change must be a number from -1000000000 to 1000000000',
    ],
  ])('%s', (_name, file, message) => {
    const r = validateJournal(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(message);
  });

  it('gives JSON syntax errors as messages', () => {
    const r = parseJournal('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^the file is not valid JSON/);
  });

  it('caps the number of messages', () => {
    const f = bad((x) =>
      x.nodes.forEach((n: Record<string, unknown>) =>
        Object.assign(n, { kind: 1, tokens: 2, words: 3, prompt: 4, edge: 5, id: 6 }),
      ),
    );
    const r = validateJournal(f);
    expect(!r.ok && r.errors.length).toBe(20);
  });

  it('refuses oversized files before reading the nodes', () => {
    const nodes: JournalNode[] = Array.from({ length: 5001 }, (_, i) => node(`n${i}`));
    const r = validateJournal(journalFile(nodes));
    expect(!r.ok && r.errors).toEqual(['nodes must have at most 5000 entries (found 5001)']);
  });
});
