import type { AttributionRecord } from '../../royalty/record';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Each reference's two measured shares side by side (ablation and shared passages), the gradient estimate of
 * the same catalogue tune beside them, and how far the measures agree on the references' order.
 */
export function ReferenceShares({ record }: { readonly record: AttributionRecord }) {
  const { ablationVsPassages: ap, ablationVsGradient: ag } = record.agreement;
  return (
    <div data-testid="attribution-shares">
      <table className="attribution-table">
        <caption>Inference-time attribution, measured on this tune</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Rights holder</th>
            <th scope="col" title={record.methods.ablation}>
              Ablation share
            </th>
            <th scope="col" title={record.methods.passages}>
              Shared passages
            </th>
            <th scope="col" title={record.methods.gradient ?? undefined}>
              Gradient (estimate)
            </th>
          </tr>
        </thead>
        <tbody>
          {record.references.map((r, i) => (
            <tr key={i} data-testid="attribution-share-row">
              <th scope="row">
                ref {i + 1}: {r.label}
              </th>
              <td>{r.holder.name}</td>
              <td>
                {pct(r.ablation.share)} <small>(drop {r.ablation.drop.toFixed(2)} nats)</small>
              </td>
              <td>
                {pct(r.passages.share)} <small>({pct(r.passages.coverage)} of the notes)</small>
              </td>
              <td>
                {r.gradient ? (
                  <>
                    {r.gradient.score.toFixed(3)} <small>(rank {r.gradient.rank})</small>
                  </>
                ) : (
                  <small>{r.kind === 'abc' ? 'not a training tune' : 'not ranked'}</small>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {record.ablationNote && <p className="hint">{record.ablationNote}</p>}
      <p className="hint" data-testid="attribution-agreement">
        Pairs of references put in the same order: ablation and shared passages {ap.agreeing} of {ap.pairs}
        {ag ? `; ablation and the gradient estimate ${ag.agreeing} of ${ag.pairs}` : ''}.
      </p>
      <p className="hint">
        Ablation: {record.methods.ablation}. Shared passages: {record.methods.passages}.
      </p>
    </div>
  );
}
