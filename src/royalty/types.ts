/** What a statement is computed from: one generation's attribution, in plain data (kept in the session ledger). */

/** Who is paid: a rights holder as the registry names it. */
export interface RightsHolder {
  readonly id: string;
  readonly name: string;
  /** True when the holder's terms ask for no royalty (the registry's `royalty: none`): their part stays unpaid. */
  readonly waives?: boolean;
}

/** A reference the generation read, with its measured ablation share (inference-time attribution). */
export interface AttributedReference {
  /** "Kesh Jig, bars 1-4". */
  readonly label: string;
  readonly tuneId: string;
  readonly holder: RightsHolder;
  /** Log-likelihood drop when it is removed (nats). */
  readonly drop: number;
  /** Its part of the positive drops, 0..1. */
  readonly share: number;
}

/** A training tune among the gradient estimate's top list (training-time attribution, an estimate). */
export interface TrainingInfluence {
  readonly tuneId: string;
  readonly title: string;
  readonly holder: RightsHolder;
  /** Gradient similarity score; only positive scores count towards a share. */
  readonly score: number;
}

/** Every training tune's holder, counted, for spreading a training part evenly. */
export interface TrainingSetHolder {
  readonly holder: RightsHolder;
  readonly tunes: number;
}

export interface GenerationAttribution {
  readonly generationId: string;
  readonly createdAt: number;
  readonly prompt: string;
  readonly seed: number;
  readonly references: readonly AttributedReference[];
  /** The gradient estimate's top training tunes; empty when it was not computed. */
  readonly training: readonly TrainingInfluence[];
}

export type PaymentBasis = 'flat' | 'pro-rata' | 'tier' | 'training-gradient' | 'training-even';

/** One payment of a statement, with the numbers it came from. */
export interface StatementLine {
  readonly holder: RightsHolder;
  readonly cents: number;
  readonly basis: PaymentBasis;
  /** What the payment is for: a reference's label, a training tune's title, or "the training set". */
  readonly source: string;
  readonly reason: string;
}

export interface Statement {
  readonly generationId: string;
  readonly policyName: string;
  readonly currency: string;
  /** The policy's notional fee, in cents. */
  readonly feeCents: number;
  readonly lines: readonly StatementLine[];
  /** Sum of the lines. */
  readonly paidCents: number;
  /** Part of the fee no line received, and why (null when none is left). */
  readonly unallocatedCents: number;
  readonly unallocatedReason: string | null;
}
