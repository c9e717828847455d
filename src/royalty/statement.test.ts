import { describe, expect, it } from 'vitest';
import { AIRD, gen, ONEILL, RYAN, TRAINING_SET } from './fixtures';
import { EXAMPLE_POLICIES, type Policy } from './policy';
import { statementFor } from './statement';

const policy = (rule: Policy['rule'], fee = 1): Policy => ({ ...EXAMPLE_POLICIES['pro-rata'], fee, rule });

describe('statementFor', () => {
  const cases: {
    name: string;
    policy: Policy;
    refs: [typeof ONEILL, number][];
    training?: [typeof ONEILL, number][];
    paid: [string, number][];
    unallocated: number;
  }[] = [
    {
      name: 'flat fee per use',
      policy: policy({ kind: 'flat', perUse: 0.25 }),
      refs: [
        [ONEILL, 0.9],
        [RYAN, 0.1],
      ],
      paid: [
        ['oneills', 25],
        ['ryans', 25],
      ],
      unallocated: 0,
    },
    {
      name: 'pro rata',
      policy: policy({ kind: 'pro-rata' }),
      refs: [
        [ONEILL, 0.75],
        [RYAN, 0.25],
      ],
      paid: [
        ['oneills', 75],
        ['ryans', 25],
      ],
      unallocated: 0,
    },
    {
      name: 'pro rata, thirds',
      policy: policy({ kind: 'pro-rata' }),
      refs: [
        [ONEILL, 1 / 3],
        [RYAN, 1 / 3],
        [AIRD, 1 / 3],
      ],
      paid: [
        ['oneills', 34],
        ['ryans', 33],
        ['airds', 33],
      ],
      unallocated: 0,
    },
    {
      name: 'pro rata, no shares',
      policy: policy({ kind: 'pro-rata' }),
      refs: [
        [ONEILL, 0],
        [RYAN, 0],
      ],
      paid: [],
      unallocated: 100,
    },
    { name: 'pro rata, no references', policy: policy({ kind: 'pro-rata' }), refs: [], paid: [], unallocated: 100 },
    {
      name: 'tiers',
      policy: policy({
        kind: 'tiers',
        tiers: [
          { minShare: 0.2, amount: 0.2 },
          { minShare: 0.5, amount: 0.5 },
        ],
      }),
      refs: [
        [ONEILL, 0.7],
        [RYAN, 0.2],
        [AIRD, 0.1],
      ],
      paid: [
        ['oneills', 50],
        ['ryans', 20],
      ],
      unallocated: 0,
    },
    {
      name: 'split, training by gradient',
      policy: policy({ kind: 'split', inferencePart: 0.6, training: 'gradient' }, 2),
      refs: [
        [ONEILL, 0.5],
        [RYAN, 0.5],
      ],
      training: [
        [AIRD, 0.3],
        [RYAN, 0.1],
        [ONEILL, -0.2],
      ],
      paid: [
        ['oneills', 60],
        ['ryans', 60],
        ['airds', 60],
        ['ryans', 20],
      ],
      unallocated: 0,
    },
    {
      name: 'split, training evenly',
      policy: policy({ kind: 'split', inferencePart: 0.5, training: 'even' }),
      refs: [[AIRD, 1]],
      paid: [
        ['airds', 50],
        ['oneills', 38],
        ['ryans', 12],
      ],
      unallocated: 0,
    },
    {
      name: 'split without references or estimate',
      policy: policy({ kind: 'split', inferencePart: 0.7, training: 'gradient' }),
      refs: [],
      paid: [],
      unallocated: 100,
    },
  ];
  it.each(cases)('$name', ({ policy: p, refs, training, paid, unallocated }) => {
    const s = statementFor(p, gen('g1', refs, training), TRAINING_SET);
    expect(s.lines.map((l) => [l.holder.id, l.cents])).toEqual(paid);
    expect(s.unallocatedCents).toBe(unallocated);
    expect(s.paidCents).toBe(paid.reduce((a, [, c]) => a + c, 0));
    expect(s.unallocatedReason === null).toBe(unallocated === 0);
    for (const l of s.lines) expect(l.reason).toMatch(/\d/);
  });

  it('leaves a holder who waives royalties unpaid, and says so', () => {
    const own = { id: 'you', name: 'You', waives: true };
    const s = statementFor(
      policy({ kind: 'pro-rata' }),
      gen('g', [
        [own, 0.4],
        [RYAN, 0.6],
      ]),
    );
    expect(s.lines.map((l) => [l.holder.id, l.cents])).toEqual([['ryans', 60]]);
    expect(s.unallocatedCents).toBe(40);
    expect(s.unallocatedReason).toBe('You asks for no royalty');
  });

  it('says why and from which numbers', () => {
    const s = statementFor(
      policy({ kind: 'pro-rata' }),
      gen('g', [
        [ONEILL, 0.75],
        [RYAN, 0.25],
      ]),
    );
    expect(s.lines[0].reason).toBe('share 75.0% (drop 7.50 nats) of 1.00 EUR fee');
    const t = statementFor(
      policy({ kind: 'split', inferencePart: 0, training: 'gradient' }),
      gen('g', [], [[AIRD, 0.5]]),
    );
    expect(t.lines[0].reason).toContain('(an estimate)');
    expect(statementFor(policy({ kind: 'pro-rata' }), gen('g', [])).unallocatedReason).toBe('no references');
  });
});
