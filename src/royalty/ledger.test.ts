import { describe, expect, it } from 'vitest';
import { AIRD, gen, ONEILL, RYAN, TRAINING_SET } from './fixtures';
import { buildLedger, LEDGER_CSV_HEADER, ledgerCsv, ledgerJson } from './ledger';
import { EXAMPLE_POLICIES } from './policy';

const session = [
  gen(
    'g1',
    [
      [ONEILL, 0.75],
      [RYAN, 0.25],
    ],
    [[AIRD, 1]],
  ),
  gen('g2', [[RYAN, 1]], [[ONEILL, 1]]),
  gen('g3', [
    [AIRD, 0.1],
    [ONEILL, 0.9],
  ]),
  gen('g4', []),
];

describe('buildLedger', () => {
  it.each([
    { policy: 'flat', totals: { oneills: 50, ryans: 50, airds: 25 }, paid: 125, unallocated: 0 },
    { policy: 'pro-rata', totals: { oneills: 165, ryans: 125, airds: 10 }, paid: 300, unallocated: 100 },
    // g1 50 + 20, g2 50, g3 50 (Aird's 10% is under the lowest tier).
    { policy: 'tiers', totals: { oneills: 100, ryans: 70 }, paid: 170, unallocated: 0 },
    // 70/30: g1 53/17 + 30 to Aird; g2 70 Ryan + 30 O'Neill; g3 7/63, 30 unallocated; g4 100 unallocated.
    { policy: 'split', totals: { oneills: 53 + 30 + 63, ryans: 17 + 70, airds: 30 + 7 }, paid: 270, unallocated: 130 },
  ] as const)('$policy', ({ policy, totals, paid, unallocated }) => {
    const l = buildLedger(EXAMPLE_POLICIES[policy], session, TRAINING_SET);
    expect(Object.fromEntries(l.totals.map((t) => [t.holder.id, t.cents]))).toEqual(totals);
    expect(l.paidCents).toBe(paid);
    expect(l.unallocatedCents).toBe(unallocated);
    expect(l.paidCents + l.unallocatedCents).toBe(policy === 'flat' || policy === 'tiers' ? l.paidCents : 4 * 100);
    expect(l.totals.map((t) => t.cents)).toEqual([...l.totals.map((t) => t.cents)].sort((a, b) => b - a));
  });

  it('recomputes every statement when the policy changes', () => {
    const a = buildLedger(EXAMPLE_POLICIES['pro-rata'], session);
    const b = buildLedger(EXAMPLE_POLICIES.flat, session);
    expect(a.statements.map((s) => s.generationId)).toEqual(b.statements.map((s) => s.generationId));
    expect(a.totals).not.toEqual(b.totals);
  });

  it('is empty for no generations', () => {
    const l = buildLedger(EXAMPLE_POLICIES.flat, []);
    expect(l).toMatchObject({ statements: [], totals: [], paidCents: 0, unallocatedCents: 0 });
  });
});

describe('ledgerCsv and ledgerJson', () => {
  const ledger = buildLedger(EXAMPLE_POLICIES['pro-rata'], session);
  it('writes payments, unallocated rows and totals, quoting where needed', () => {
    const rows = ledgerCsv(ledger).trimEnd().split('\n');
    expect(rows[0]).toBe(LEDGER_CSV_HEADER.join(','));
    expect(rows.filter((r) => r.startsWith('payment,'))).toHaveLength(5);
    expect(rows.filter((r) => r.startsWith('unallocated,'))).toEqual(['unallocated,g4,,,,,1.00,EUR,no references']);
    expect(rows.filter((r) => r.startsWith('total,'))).toEqual([
      "total,,oneills,O'Neill estate (simulated),,,1.65,EUR,2 generations",
      "total,,ryans,Ryan's publishers (simulated),,,1.25,EUR,2 generations",
      "total,,airds,Aird's heirs (simulated),,,0.10,EUR,1 generations",
    ]);
  });
  it('quotes cells with commas, quotes or line breaks', () => {
    const odd = { id: 'x', name: 'Smith, "Jr"' };
    const csv = ledgerCsv(buildLedger(EXAMPLE_POLICIES.flat, [gen('g', [[odd, 1]])]));
    expect(csv).toContain('total,,x,"Smith, ""Jr""",,,0.25,EUR,1 generations');
  });
  it('round-trips the totals through JSON', () => {
    const j = JSON.parse(ledgerJson(ledger));
    expect(j.format).toBe('apparatus-royalty-ledger');
    expect(j.totals).toEqual(ledger.totals);
    expect(j.statements).toHaveLength(4);
  });
});
