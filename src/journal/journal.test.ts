import { describe, expect, it } from 'vitest';
import {
  addNode,
  addNote,
  childrenOf,
  describeChange,
  describeWords,
  editNote,
  mergeJournal,
  pathTo,
  removeNote,
  treeOrder,
} from './journal';
import { node, REFERENCE } from './journalFixtures';

const note = (id: string, text: string) => ({ id, author: 'you' as const, createdAt: 1, text, view: null });

describe('journal tree', () => {
  const tree = [
    node('n1'),
    node('n2', { parentId: 'n1' }),
    node('n3', { parentId: 'n1' }),
    node('n4', { parentId: 'n2' }),
    node('n5'),
  ];

  it('adds nodes whose parent exists and refuses duplicates and orphans', () => {
    expect(addNode([], node('n1')).error).toBeNull();
    expect(addNode(tree, node('n1')).error).toMatch(/already in the journal/);
    expect(addNode(tree, node('n9', { parentId: 'nope' })).error).toMatch(/parent nope is not in the journal/);
    const { nodes } = addNode(tree, node('n6', { parentId: 'n4' }));
    expect(childrenOf(nodes, 'n4').map((n) => n.id)).toEqual(['n6']);
  });

  it('orders the tree depth-first with depths, and finds the path to a node', () => {
    expect(treeOrder(tree).map(({ node: n, depth }) => `${n.id}:${depth}`)).toEqual([
      'n1:0',
      'n2:1',
      'n4:2',
      'n3:1',
      'n5:0',
    ]);
    expect(pathTo(tree, 'n4').map((n) => n.id)).toEqual(['n1', 'n2', 'n4']);
  });

  it('draws a node with a missing parent as a root and survives a cycle', () => {
    const odd = [node('n1', { parentId: 'gone' }), node('n2', { parentId: 'n3' }), node('n3', { parentId: 'n2' })];
    expect(treeOrder(odd).map((x) => x.node.id)).toEqual(['n1']);
    expect(pathTo(odd, 'n2').map((n) => n.id)).toEqual(['n3', 'n2']);
  });

  it('adds, edits and removes notes on one node only', () => {
    let nodes = addNote(tree, 'n2', note('a', 'the second bar turns minor'));
    nodes = addNote(nodes, 'n2', note('b', 'check this'));
    nodes = editNote(nodes, 'n2', 'b', 'checked: same with seed 8');
    expect(nodes.find((n) => n.id === 'n2')!.notes.map((n) => n.text)).toEqual([
      'the second bar turns minor',
      'checked: same with seed 8',
    ]);
    nodes = removeNote(nodes, 'n2', 'a');
    expect(nodes.find((n) => n.id === 'n2')!.notes).toHaveLength(1);
    expect(nodes.find((n) => n.id === 'n1')!.notes).toHaveLength(0);
  });

  it('merges an import: new ids added, known ids replaced', () => {
    const imported = [node('n2', { parentId: 'n1', notes: [note('x', 'from the file')] }), node('n7')];
    const { nodes, added, replaced } = mergeJournal(tree, imported);
    expect([added, replaced]).toEqual([1, 1]);
    expect(nodes).toHaveLength(6);
    expect(nodes.find((n) => n.id === 'n2')!.notes[0].text).toBe('from the file');
  });
});

describe('edge labels', () => {
  it.each([
    [['a', 'jig', 'in', 'd'], ['a', 'in', 'd'], "without 'jig'"],
    [['jig'], [], "without 'jig' (empty prompt)"],
    [['a', 'jig'], ['a', 'reel'], "'jig' -> 'reel'"],
    [['slow', 'jig', 'in', 'd'], ['jig', 'slow', 'in', 'd'], 'words reordered'],
    [['a', 'jig'], ['two', 'slow', 'reels'], "prompt 'a jig' -> 'two slow reels'"],
    [['a', 'jig'], ['a', 'jig'], null],
  ])('%j -> %j', (a, b, label) => {
    expect(describeWords(a, b)).toBe(label);
  });

  it('names changed settings with their values', () => {
    const parent = node('n1');
    const child = node('n2', { settings: { ...parent.settings, guidance: 3, key: 'G' } });
    expect(describeChange(parent, child)).toBe('guidance 1.5 -> 3, key free -> G');
    expect(describeChange(parent, node('n3', { words: ['a', 'jig', 'in', 'd'] }))).toBe("without 'major'");
    expect(describeChange(parent, node('n4'))).toBe('same prompt and settings');
    expect(describeChange(null, parent)).toBeNull();
    expect(describeChange(parent, node('n5', { references: [REFERENCE] }))).toBe(
      'references none -> The Fixture Jig, bar 2',
    );
  });
});
