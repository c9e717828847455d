/**
 * A generation's statement under a policy: who receives what part of the notional fee, and why. Pure: the
 * same generations and policy always give the same statement, so changing the policy recomputes the ledger.
 */
import { formatCents, splitCents, toCents } from './money';
import type { Policy } from './policy';
import type {
  GenerationAttribution,
  PaymentBasis,
  StatementLine,
  Statement,
  TrainingSetHolder,
  AttributedReference,
} from './types';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Part {
  readonly lines: StatementLine[];
  /** Cents of this part that no line received, and why. */
  readonly left: number;
  readonly why: string | null;
}

function proRata(cents: number, refs: readonly AttributedReference[], currency: string, of: string): Part {
  if (refs.length === 0) return { lines: [], left: cents, why: 'no references' };
  const parts = splitCents(
    cents,
    refs.map((r) => r.share),
  );
  const paid = parts.reduce((a, x) => a + x, 0);
  const lines = refs.flatMap((r, i) =>
    parts[i] > 0
      ? [
          {
            holder: r.holder,
            cents: parts[i],
            basis: 'pro-rata' as PaymentBasis,
            source: r.label,
            reason: `share ${pct(r.share)} (drop ${r.drop.toFixed(2)} nats) of ${formatCents(cents, currency)} ${of}`,
          },
        ]
      : [],
  );
  return { lines, left: cents - paid, why: paid < cents ? 'no reference has a positive measured share' : null };
}

function training(
  cents: number,
  gen: GenerationAttribution,
  how: 'gradient' | 'even',
  trainingSet: readonly TrainingSetHolder[],
  currency: string,
): Part {
  const of = `${formatCents(cents, currency)} training part`;
  if (how === 'gradient') {
    const top = gen.training.filter((t) => t.score > 0);
    if (top.length === 0) return { lines: [], left: cents, why: 'no gradient estimate with a positive score' };
    const total = top.reduce((a, t) => a + t.score, 0);
    const parts = splitCents(
      cents,
      top.map((t) => t.score),
    );
    const lines = top.flatMap((t, i) =>
      parts[i] > 0
        ? [
            {
              holder: t.holder,
              cents: parts[i],
              basis: 'training-gradient' as PaymentBasis,
              source: t.title,
              reason: `gradient estimate ${t.score.toFixed(3)} of ${total.toFixed(3)} over the top ${top.length} (an estimate) of ${of}`,
            },
          ]
        : [],
    );
    return { lines, left: cents - parts.reduce((a, x) => a + x, 0), why: null };
  }
  const tunes = trainingSet.reduce((a, h) => a + h.tunes, 0);
  if (tunes === 0) return { lines: [], left: cents, why: 'the training set is unknown' };
  const parts = splitCents(
    cents,
    trainingSet.map((h) => h.tunes),
  );
  const lines = trainingSet.flatMap((h, i) =>
    parts[i] > 0
      ? [
          {
            holder: h.holder,
            cents: parts[i],
            basis: 'training-even' as PaymentBasis,
            source: 'the training set',
            reason: `${h.tunes} of ${tunes} training tunes, evenly, of ${of}`,
          },
        ]
      : [],
  );
  return { lines, left: cents - parts.reduce((a, x) => a + x, 0), why: null };
}

function linesOf(policy: Policy, gen: GenerationAttribution, trainingSet: readonly TrainingSetHolder[]): Part {
  const fee = toCents(policy.fee);
  const { rule, currency } = policy;
  const refs = gen.references;
  switch (rule.kind) {
    case 'flat': {
      const each = toCents(rule.perUse);
      const lines = refs.map((r) => ({
        holder: r.holder,
        cents: each,
        basis: 'flat' as PaymentBasis,
        source: r.label,
        reason: `flat ${formatCents(each, currency)} per use, whatever its share (${pct(r.share)})`,
      }));
      return { lines, left: 0, why: null };
    }
    case 'pro-rata':
      return proRata(fee, refs, currency, 'fee');
    case 'tiers': {
      const lines = refs.flatMap((r) => {
        const tier = [...rule.tiers].reverse().find((t) => r.share >= t.minShare);
        if (!tier) return [];
        const cents = toCents(tier.amount);
        return [
          {
            holder: r.holder,
            cents,
            basis: 'tier' as PaymentBasis,
            source: r.label,
            reason: `share ${pct(r.share)} reaches the ${pct(tier.minShare)} tier: ${formatCents(cents, currency)}`,
          },
        ];
      });
      return { lines, left: 0, why: null };
    }
    case 'split': {
      const inferenceCents = Math.round(fee * rule.inferencePart);
      const inference = proRata(inferenceCents, refs, currency, 'inference part');
      const train = training(fee - inferenceCents, gen, rule.training, trainingSet, currency);
      const why = [inference.why && `inference part: ${inference.why}`, train.why && `training part: ${train.why}`]
        .filter(Boolean)
        .join('; ');
      return { lines: [...inference.lines, ...train.lines], left: inference.left + train.left, why: why || null };
    }
  }
}

/** The statement of one generation under a policy; `trainingSet` is needed only for an even training split. */
export function statementFor(
  policy: Policy,
  gen: GenerationAttribution,
  trainingSet: readonly TrainingSetHolder[] = [],
): Statement {
  const part = linesOf(policy, gen, trainingSet);
  const waived = part.lines.filter((l) => l.holder.waives && l.cents > 0);
  const lines = part.lines.filter((l) => !l.holder.waives);
  const left = part.left + waived.reduce((a, l) => a + l.cents, 0);
  const waivers = [...new Set(waived.map((l) => l.holder.name))].map((n) => `${n} asks for no royalty`);
  const why = [part.why, ...waivers].filter(Boolean).join('; ') || null;
  return {
    generationId: gen.generationId,
    policyName: policy.name,
    currency: policy.currency,
    feeCents: toCents(policy.fee),
    lines,
    paidCents: lines.reduce((a, l) => a + l.cents, 0),
    unallocatedCents: left,
    unallocatedReason: left > 0 ? why : null,
  };
}
