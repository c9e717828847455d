/**
 * The session ledger: every generation's statement under one policy, and the totals per rights holder.
 * Recomputed from the generations whenever the policy changes, so policies can be compared on the same tunes.
 */
import type { Policy } from './policy';
import { statementFor } from './statement';
import type { GenerationAttribution, RightsHolder, Statement, TrainingSetHolder } from './types';

export interface HolderTotal {
  readonly holder: RightsHolder;
  readonly cents: number;
  /** Generations in which the holder received something. */
  readonly generations: number;
}

export interface Ledger {
  readonly policy: Policy;
  readonly statements: readonly Statement[];
  /** Largest total first; ties by name. */
  readonly totals: readonly HolderTotal[];
  readonly paidCents: number;
  readonly unallocatedCents: number;
}

export function buildLedger(
  policy: Policy,
  generations: readonly GenerationAttribution[],
  trainingSet: readonly TrainingSetHolder[] = [],
): Ledger {
  const statements = generations.map((g) => statementFor(policy, g, trainingSet));
  const byHolder = new Map<string, { holder: RightsHolder; cents: number; generations: Set<string> }>();
  for (const s of statements)
    for (const line of s.lines) {
      const t = byHolder.get(line.holder.id) ?? { holder: line.holder, cents: 0, generations: new Set<string>() };
      t.cents += line.cents;
      t.generations.add(s.generationId);
      byHolder.set(line.holder.id, t);
    }
  const totals = [...byHolder.values()]
    .map((t) => ({ holder: t.holder, cents: t.cents, generations: t.generations.size }))
    .sort((a, b) => b.cents - a.cents || a.holder.name.localeCompare(b.holder.name));
  return {
    policy,
    statements,
    totals,
    paidCents: statements.reduce((a, s) => a + s.paidCents, 0),
    unallocatedCents: statements.reduce((a, s) => a + s.unallocatedCents, 0),
  };
}

const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const amount = (cents: number) => (cents / 100).toFixed(2);

export const LEDGER_CSV_HEADER = [
  'row',
  'generation',
  'holder_id',
  'holder',
  'basis',
  'source',
  'amount',
  'currency',
  'reason',
] as const;

/**
 * Tidy CSV: one `payment` row per statement line, one `unallocated` row per statement that left some of the
 * fee unpaid, then one `total` row per rights holder.
 */
export function ledgerCsv(ledger: Ledger): string {
  const cur = ledger.policy.currency;
  const rows: (string | number)[][] = [[...LEDGER_CSV_HEADER]];
  for (const s of ledger.statements) {
    for (const l of s.lines)
      rows.push([
        'payment',
        s.generationId,
        l.holder.id,
        l.holder.name,
        l.basis,
        l.source,
        amount(l.cents),
        cur,
        l.reason,
      ]);
    if (s.unallocatedCents > 0)
      rows.push([
        'unallocated',
        s.generationId,
        '',
        '',
        '',
        '',
        amount(s.unallocatedCents),
        cur,
        s.unallocatedReason ?? '',
      ]);
  }
  for (const t of ledger.totals)
    rows.push(['total', '', t.holder.id, t.holder.name, '', '', amount(t.cents), cur, `${t.generations} generations`]);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** The ledger as one JSON object: the policy, each statement and the totals. */
export function ledgerJson(ledger: Ledger): string {
  return JSON.stringify(
    {
      format: 'apparatus-royalty-ledger',
      version: 1,
      note: 'Simulated royalties: the tunes are public domain and the terms are simulated.',
      policy: ledger.policy,
      statements: ledger.statements,
      totals: ledger.totals,
      paidCents: ledger.paidCents,
      unallocatedCents: ledger.unallocatedCents,
    },
    null,
    2,
  );
}
