import { describe, expect, it } from 'vitest';
import { node, REFERENCE, TUNE } from './journalFixtures';
import { checkReplay, planReplay } from './journalReplay';

describe('replay planning', () => {
  const nodes = [
    node('n1'),
    node('n2', { parentId: 'n1', kind: 'reading', reading: { label: 'x', baseTotal: -10, perturbations: [] } }),
    node('n3', { parentId: 'n1', kind: 'continuation', prefixLength: 7 }),
    node('n4', { parentId: 'n1', kind: 'edit' }),
    node('n5', { parentId: 'n3', kind: 'regeneration', prompt: 'a jig in d', stopped: 'cancelled' }),
    node('n6', {
      parentId: 'n1',
      kind: 'sweep',
      settings: { ...node('x').settings, guidance: 3 },
      references: [REFERENCE],
    }),
  ];

  it('replays generations in tree order and says why the others are skipped', () => {
    const plan = planReplay(nodes);
    expect(plan.steps.map((s) => s.nodeId)).toEqual(['n1', 'n3', 'n6']);
    expect(plan.steps[1].prefix).toEqual(TUNE.slice(0, 7));
    expect(plan.steps[2].settings.guidance).toBe(3);
    // Replay writes the tune again with the references it was written with.
    expect(plan.steps[2].references).toEqual([REFERENCE]);
    expect(plan.steps[0].references).toEqual([]);
    expect(plan.skipped).toEqual([
      { nodeId: 'n2', reason: "a likelihood reading: it wrote no tune (it read its parent's)" },
      { nodeId: 'n5', reason: 'cancelled while being written: the recorded tune is incomplete' },
      { nodeId: 'n4', reason: 'edited by hand: the model did not write these tokens' },
    ]);
  });

  it.each([
    [TUNE, true, 'tokens match (12)'],
    [[...TUNE.slice(0, 3), 'E', ...TUNE.slice(4)], false, "token 4 differs: expected '2', got 'E'"],
    [TUNE.slice(0, 10), false, 'same first 10 tokens, but 10 tokens instead of 12'],
  ])('checks replayed tokens (%#)', (tokens, ok, detail) => {
    const [step] = planReplay([node('n1')]).steps;
    expect(checkReplay(step, { tokens }, 'sha-a')).toEqual({ nodeId: 'n1', ok, detail, modelChanged: false });
  });

  it('reports errors and a changed model', () => {
    const [step] = planReplay([node('n1')]).steps;
    const out = checkReplay(step, { error: 'busy' }, 'sha-b');
    expect(out).toEqual({ nodeId: 'n1', ok: false, detail: 'could not be written: busy', modelChanged: true });
  });
});
