import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Perturbation } from '../../explain/perturb';
import { referenceTokensOf, type Tune } from '../../store/types';
import { queryClient } from '../queryClient';
import { ABCompare } from './ABCompare';
import { baseNodeOf, recordReading } from './journalService';
import { LIKELIHOOD_LABEL, LikelihoodReading } from './LikelihoodReading';
import { buildPerturbations } from './perturbationSet';
import { PerturbationPicker } from './PerturbationPicker';
import { readOptions, usePrepareReadings } from '../shared/readService';
import { regenerate, regenerationInput } from './regenerate';
import type { ViewContext } from './useViewContext';
import { useViews } from './viewStore';

/** Perturb the prompt and read the effect twice: on the tune's likelihood, and by writing the tune again. */
export function PerturbationPanel({ tune, ctx }: { tune: Tune; ctx: ViewContext }) {
  const view = useViews((s) => s.views.perturbation);
  const setPerturbation = useViews((s) => s.setPerturbation);
  const held = useViews((s) => s.held);
  const release = useViews((s) => s.release);
  const [error, setError] = useState<string | null>(null);
  usePrepareReadings();
  const sha = ctx.modelSha256 ?? '';
  const choice = useMemo(() => buildPerturbations(tune.words, view, ctx.knows), [tune.words, view, ctx.knows]);
  const prompts = useMemo(() => [tune.words, ...choice.perturbations.map((p) => p.words)], [tune.words, choice]);
  // Perturbations vary the prompt; every row keeps the tune's references.
  const refs = useMemo(() => referenceTokensOf(tune), [tune]);
  const options = readOptions(sha, tune.tokens, prompts, [], refs);
  const ready = sha !== '' && choice.perturbations.length > 0;
  // A disabled query still shows a reading already in the cache; opening a node (held) never starts one.
  const reading = useQuery({ ...options, enabled: view.read && ready && !held.read });

  const read = async () => {
    setError(null);
    release('read');
    setPerturbation({ read: true });
    const base = baseNodeOf(tune.id);
    try {
      const r = await queryClient.fetchQuery(options);
      const perturbations = choice.perturbations.map((p, i) => ({
        description: p.description,
        words: p.words,
        change: r.readings[i + 1].total - r.readings[0].total,
      }));
      const what =
        view.mode === 'leave-out' && tune.words.length > 1
          ? `each of ${tune.words.length} words left out`
          : choice.perturbations.map((p) => p.description).join('; ');
      const edge = `likelihood reading: ${what.length > 120 ? `${what.slice(0, 119)}…` : what}`;
      if (base)
        recordReading(base.id, { label: LIKELIHOOD_LABEL, baseTotal: r.readings[0].total, perturbations }, edge);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const regen = async (p: Perturbation) => {
    setError(null);
    release('compare');
    setPerturbation({ compare: [...p.words] });
    try {
      await regenerate(tune, sha, regenerationInput(tune, p.words), 'regeneration', p.description);
    } catch (e) {
      setError(`B could not be written: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="view perturbation-view" data-testid="perturbation-view">
      <p className="hint">
        The prompt as the model read it:{' '}
        {tune.words.length === 0
          ? '(no words)'
          : tune.words.map((w, i) => (
              <span key={`${i}-${w}`} className={ctx.unknown.has(w) ? 'chip chip-unknown' : 'chip'}>
                {w}
                {ctx.unknown.has(w) ? ' ?' : ''}
              </span>
            ))}
      </p>
      {tune.unknownWords.length > 0 && (
        <p className="warning" data-testid="perturbation-unknown">
          Not in the vocabulary, read as &lt;unk&gt; (marked “?”): {tune.unknownWords.join(', ')}. Leaving one out
          removes an &lt;unk&gt; input, not the word’s meaning.
        </p>
      )}
      {tune.words.length > 0 && (
        <PerturbationPicker words={tune.words} view={view} knows={ctx.knows} onChange={setPerturbation} />
      )}
      {choice.problem && (
        <p className="hint" data-testid="perturbation-problem">
          {choice.problem}
        </p>
      )}
      {choice.note && (
        <p className="hint" data-testid="perturbation-note">
          {choice.note}
        </p>
      )}
      {choice.perturbations.length > 0 && (
        <div className="row">
          <button type="button" className="primary" disabled={!ready || reading.isFetching} onClick={() => void read()}>
            {reading.isFetching ? 'Reading…' : 'Read the change in likelihood'}
          </button>
          <span className="hint">
            {choice.perturbations.length} perturbed prompt{choice.perturbations.length === 1 ? '' : 's'}, read with the
            tune’s tokens held fixed (teacher-forced).
          </span>
        </div>
      )}
      {held.read && view.read && !reading.data && (
        <p className="hint" data-testid="perturbation-held">
          This node was read before. Opening it runs nothing: press “Read the change in likelihood” to read it again.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {reading.isError && !error && (
        <p className="error" role="alert">
          The reading failed: {reading.error.message}
        </p>
      )}
      {reading.data && view.read && (
        <LikelihoodReading
          tune={tune}
          perturbations={choice.perturbations}
          result={reading.data}
          knows={ctx.knows}
          busy={sha === ''}
          onRegenerate={(p) => void regen(p)}
        />
      )}
      {view.read === false && choice.perturbations.length > 0 && (
        <div className="row">
          {choice.perturbations.map((p) => (
            <button key={p.description} type="button" onClick={() => void regen(p)} disabled={sha === ''}>
              Regenerate {p.description}
            </button>
          ))}
        </div>
      )}
      {view.compare && sha !== '' && (
        <ABCompare
          a={tune}
          words={view.compare}
          modelSha256={sha}
          held={held.compare}
          onWrite={() => release('compare')}
        />
      )}
    </div>
  );
}
