import type { AttributionRecord } from '../../royalty/record';

/** The training-time side: the gradient estimate's top training tunes, labelled as an estimate with its method. */
export function TrainingEstimate({
  training,
  method,
}: {
  readonly training: AttributionRecord['training'];
  readonly method: string | null;
}) {
  return (
    <div data-testid="attribution-training">
      <h4>Training-time attribution (an estimate)</h4>
      <p className="hint">{training.caveat}</p>
      {training.unavailable ? (
        <p className="hint">No estimate: {training.unavailable}</p>
      ) : (
        <>
          <p className="hint">{method}</p>
          <ol className="attribution-training">
            {training.top.map((t) => (
              <li key={t.id}>
                {t.title} <small>({t.holder.name})</small> — gradient cosine {t.score.toFixed(3)} (estimate)
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
