import { downloadFile } from '../../export/download';
import { ledgerCsv, ledgerJson, type Ledger } from '../../royalty/ledger';
import { formatCents } from '../../royalty/money';

/** The session ledger under the policy in force: totals per rights holder, and its export as CSV and JSON. */
export function LedgerView({ ledger, onClear }: { readonly ledger: Ledger; readonly onClear: () => void }) {
  const cur = ledger.policy.currency;
  const n = ledger.statements.length;
  return (
    <div data-testid="ledger">
      <h4>
        Session ledger: {n} generation{n === 1 ? '' : 's'} under “{ledger.policy.name}”
      </h4>
      <table className="attribution-table">
        <caption>Totals per rights holder</caption>
        <thead>
          <tr>
            <th scope="col">Rights holder</th>
            <th scope="col">Total</th>
            <th scope="col">Generations</th>
          </tr>
        </thead>
        <tbody>
          {ledger.totals.map((t) => (
            <tr key={t.holder.id} data-testid="ledger-total">
              <th scope="row">{t.holder.name}</th>
              <td>{formatCents(t.cents, cur)}</td>
              <td>{t.generations}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Paid</th>
            <td data-testid="ledger-paid">{formatCents(ledger.paidCents, cur)}</td>
            <td />
          </tr>
          <tr>
            <th scope="row">Unallocated</th>
            <td>{formatCents(ledger.unallocatedCents, cur)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div className="policy-actions">
        <button
          type="button"
          disabled={n === 0}
          onClick={() => downloadFile(ledgerCsv(ledger), 'royalty-ledger.csv', 'text/csv')}
        >
          Export ledger CSV
        </button>
        <button
          type="button"
          disabled={n === 0}
          onClick={() => downloadFile(ledgerJson(ledger), 'royalty-ledger.json', 'application/json')}
        >
          Export ledger JSON
        </button>
        <button type="button" disabled={n === 0} onClick={onClear}>
          Clear the ledger
        </button>
      </div>
    </div>
  );
}
