import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { diffractionInterpreter, MIN_RANK_DISTANCE_FIELD } from '../../explain/diffraction';
import { occlusion } from '../../explain/occlusion';
import { leaveOneOut } from '../../explain/perturb';
import { tokenBars } from '../../explain/tokenBars';
import { referenceTokensOf, type Tune } from '../../store/types';
import { NumberField } from '../NumberField';
import { DiffractionSide } from './DiffractionSide';
import { readOptions } from '../shared/readService';
import { compareSides } from './sides';
import type { ViewContext } from './useViewContext';
import { useViews } from './viewStore';

/** Two readings of the prompt words side by side, with their rank agreement and the words they part on. */
export function DiffractionPanel({ tune, ctx }: { tune: Tune; ctx: ViewContext }) {
  const view = useViews((s) => s.views.diffraction);
  const setDiffraction = useViews((s) => s.setDiffraction);
  const sha = ctx.modelSha256 ?? '';
  const words = tune.words;
  const enabled = sha !== '' && words.length > 0;
  // The same cache entries as the attention map and the leave-one-out reading; both keep the tune's references.
  const refs = useMemo(() => referenceTokensOf(tune), [tune]);
  const attention = useQuery({ ...readOptions(sha, tune.tokens, [words], [0], refs), enabled });
  const prompts = useMemo(() => [words, ...leaveOneOut(words).map((p) => p.words)], [words]);
  const occ = useQuery({ ...readOptions(sha, tune.tokens, prompts, [], refs), enabled });
  const result = useMemo(() => {
    const a = attention.data;
    const o = occ.data;
    if (!a || !o || !a.readings[0].attention) return null;
    const bars = tokenBars(tune.tokens);
    const [base, ...without] = o.readings;
    const occlusionResult = occlusion({ words, unknownWords: tune.unknownWords, base, without, bars });
    const attentionInput = {
      attention: a.readings[0].attention,
      layers: a.layers,
      heads: a.heads,
      words,
      tokens: tune.tokens,
      bars,
    };
    return {
      occlusion: occlusionResult,
      sides: compareSides(
        view.a,
        view.b,
        { attention: attentionInput, occlusion: occlusionResult },
        view.top,
        view.minRankDistance,
      ),
    };
  }, [attention.data, occ.data, tune, words, view]);

  if (words.length === 0)
    return (
      <div className="view" data-testid="diffraction-view">
        <p className="hint" data-testid="diffraction-empty">
          The prompt has no words: there are no words to rank, so nothing to compare.
        </p>
      </div>
    );
  const d = result?.sides.diffraction;
  const marked = new Set(d?.disagreements.map((x) => x.index));
  const apart = `${view.minRankDistance} place${view.minRankDistance === 1 ? '' : 's'} apart or more`;
  const side = (key: 'a' | 'b', values: Float64Array | undefined, label: string | undefined) => (
    <DiffractionSide
      name={key}
      dims={ctx.dims}
      settings={view[key]}
      onChange={(patch) => setDiffraction({ [key]: { ...view[key], ...patch } })}
      label={label}
      items={
        values &&
        words.map((w, i) => ({ label: w, value: values[i], flagged: ctx.unknown.has(w), marked: marked.has(i) }))
      }
    />
  );
  return (
    <div className="view diffraction-view" data-testid="diffraction-view">
      <details className="method">
        <summary>Method: {diffractionInterpreter.id}</summary>
        <p>{diffractionInterpreter.description}</p>
      </details>
      {(attention.isPending || occ.isPending) && <p className="hint">Reading attention and leave-one-out occlusion…</p>}
      {(attention.isError || occ.isError) && (
        <p className="error" role="alert">
          The readings failed: {(attention.error ?? occ.error)?.message}
        </p>
      )}
      {result?.occlusion.note && <p className="hint">{result.occlusion.note}</p>}
      {d && (
        <p className="agreement" data-testid="diffraction-agreement">
          {d.spearman === null
            ? `Rank agreement undefined: ${d.reason}.`
            : `Spearman’s ρ = ${d.spearman.toFixed(2)}, Kendall’s τ-b = ${d.kendall?.toFixed(2) ?? '—'} between side A and side B over ${words.length} words.`}
        </p>
      )}
      <div className="diffraction-sides">
        {side('a', result?.sides.a, result?.sides.labelA)}
        {side('b', result?.sides.b, result?.sides.labelB)}
      </div>
      {d && d.disagreements.length > 0 && (
        <div data-testid="diffraction-disagreements">
          <p>Words ranked {apart} by the two sides, most different first (marked ≠ in the charts; rank 1 = highest):</p>
          <ul>
            {d.disagreements.map((x) => (
              <li key={x.index}>
                ‘{x.word}’{ctx.unknown.has(x.word) ? ' (read as <unk>)' : ''}: rank {x.attentionRank} by A, rank{' '}
                {x.occlusionRank} by B
              </li>
            ))}
          </ul>
        </div>
      )}
      {d && d.reason === null && d.disagreements.length === 0 && (
        <p className="hint" data-testid="diffraction-no-disagreements">
          No word is ranked {apart} by the two sides.
        </p>
      )}
      <div className="fields">
        <NumberField
          label={MIN_RANK_DISTANCE_FIELD.label}
          value={view.minRankDistance}
          min={MIN_RANK_DISTANCE_FIELD.min}
          max={MIN_RANK_DISTANCE_FIELD.max}
          integer
          onCommit={(minRankDistance) => setDiffraction({ minRankDistance })}
        />
        <NumberField
          label="Disagreements shown"
          value={view.top}
          min={1}
          max={32}
          integer
          onCommit={(top) => setDiffraction({ top })}
        />
      </div>
    </div>
  );
}
