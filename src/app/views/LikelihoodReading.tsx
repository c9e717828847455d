import { useMemo } from 'react';
import { readingDelta } from '../../explain/occlusion';
import type { Perturbation } from '../../explain/perturb';
import { barLabel, tokenBars } from '../../explain/tokenBars';
import type { Tune } from '../../store/types';
import { BarChart } from './BarChart';
import { Heatmap } from './Heatmap';
import type { ReadResult } from '../shared/readService';

export const LIKELIHOOD_LABEL =
  'change in log-probability of the existing tune, teacher-forced (perturbed prompt minus original, natural log, over the tune’s tokens and its end)';

interface Props {
  readonly tune: Tune;
  readonly perturbations: readonly Perturbation[];
  readonly result: ReadResult;
  readonly knows: (w: string) => boolean;
  readonly onRegenerate: (p: Perturbation) => void;
  readonly busy: boolean;
}

const NO_MARKS = { hoverRow: null, selectedRow: null, playingRow: null, selectedCol: null };
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/** Per-perturbation and per-bar changes in the tune's log-probability, with a regenerate button for each. */
export function LikelihoodReading({ tune, perturbations, result, knows, onRegenerate, busy }: Props) {
  const bars = useMemo(() => tokenBars(tune.tokens), [tune.tokens]);
  const base = result.readings[0];
  const deltas = useMemo(
    () => result.readings.slice(1).map((r) => readingDelta(result.readings[0], r, bars)),
    [result, bars],
  );
  const items = perturbations.map((p, i) => ({
    label: p.description,
    value: deltas[i]?.total ?? null,
    flagged: p.words.some((w) => !knows(w)),
  }));
  const perBar = useMemo(() => {
    const cols = perturbations.length;
    const data = new Float32Array(bars.count * cols);
    deltas.forEach((d, c) => d.perBar.forEach((v, b) => (data[b * cols + c] = v)));
    return {
      rows: bars.count,
      cols,
      data,
      rowLabels: Array.from({ length: bars.count }, (_, b) => barLabel(b, bars)),
      colLabels: perturbations.map((p) => p.description),
      title: `${LIKELIHOOD_LABEL}; summed over each bar’s tokens`,
      scale: 'diverging' as const,
      flaggedCols: perturbations.flatMap((p, i) => (p.words.some((w) => !knows(w)) ? [i] : [])),
    };
  }, [bars, deltas, perturbations, knows]);
  return (
    <div className="likelihood" data-testid="likelihood-reading">
      <p className="measure-label">{LIKELIHOOD_LABEL}</p>
      <p className="hint" data-testid="likelihood-base">
        Log-probability of the tune under the original prompt: {base.total.toFixed(2)} ({tune.tokens.length} tokens and
        the end). Read in {Math.round(result.ms)} ms, one batched pass over {result.readings.length} prompts. Negative:
        the tune is less likely under the perturbed prompt.
      </p>
      <table className="likelihood-table">
        <thead>
          <tr>
            <th scope="col">perturbed prompt</th>
            <th scope="col">change in total log-probability</th>
            <th scope="col">regeneration</th>
          </tr>
        </thead>
        <tbody>
          {perturbations.map((p, i) => (
            <tr key={p.description} data-testid="likelihood-row">
              <th scope="row">
                {p.description}
                {items[i].flagged && <span className="flag"> (has a word read as &lt;unk&gt;)</span>}
                <div className="hint">‘{p.words.join(' ') || '<none>'}’</div>
              </th>
              <td className="number">{items[i].value === null ? '—' : signed(items[i].value!)}</td>
              <td>
                <button type="button" disabled={busy} onClick={() => onRegenerate(p)}>
                  Regenerate {p.description}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <BarChart items={items} title={LIKELIHOOD_LABEL} format={signed} testId="likelihood-chart" />
      {bars.count > 0 && (
        <>
          <p className="measure-label">Per bar: {LIKELIHOOD_LABEL}, summed over each bar’s tokens (red: less likely)</p>
          <div className="heatmap-scroll">
            <Heatmap input={perBar} marks={NO_MARKS} testId="likelihood-bars" label={perBar.title} />
          </div>
        </>
      )}
    </div>
  );
}
