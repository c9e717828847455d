import { formatCents } from '../../royalty/money';
import type { Statement } from '../../royalty/types';

/** One generation's statement: who receives what part of the notional fee, and the numbers behind each line. */
export function StatementView({ statement }: { readonly statement: Statement }) {
  const money = (c: number) => formatCents(c, statement.currency);
  return (
    <div data-testid="attribution-statement">
      <h4>
        Statement under “{statement.policyName}” (notional fee {money(statement.feeCents)})
      </h4>
      {statement.lines.length === 0 && <p className="hint">Nobody is paid for this generation.</p>}
      <ul>
        {statement.lines.map((l, i) => (
          <li key={i} data-testid="statement-line">
            <strong>{money(l.cents)}</strong> to {l.holder.name} for {l.source}: {l.reason}
          </li>
        ))}
        {statement.unallocatedCents > 0 && (
          <li data-testid="statement-unallocated">
            <strong>{money(statement.unallocatedCents)}</strong> unallocated: {statement.unallocatedReason}
          </li>
        )}
      </ul>
    </div>
  );
}
