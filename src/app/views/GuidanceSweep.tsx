import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { changedBars, summarizeTune } from '../../explain/tuneSummary';
import type { Tune } from '../../store/types';
import { tokensToAbc } from '../../tokenizer/musicTokens';
import { mapTune, notesInMeasure } from '../tuneMap';
import { LinkedScore } from '../shared/LinkedScore';
import { generateOptions } from '../shared/readService';
import { openRegeneration, regenerate, regenerationInput } from './regenerate';
import { parseSweep } from './sweep';
import { SweepActions } from './SweepActions';
import type { ViewContext } from './useViewContext';
import { useViews } from './viewStore';

/** The same prompt and seed at several guidance scales, side by side with their summaries. */
export function GuidanceSweep({ tune, ctx }: { tune: Tune; ctx: ViewContext }) {
  const sweep = useViews((s) => s.views.sweep);
  const setSweep = useViews((s) => s.setSweep);
  const held = useViews((s) => s.held);
  const release = useViews((s) => s.release);
  const [text, setText] = useState(sweep.values.join(', '));
  const [error, setError] = useState<string | null>(null);
  const parsed = parseSweep(text);
  const sha = ctx.modelSha256 ?? '';
  const inputs = useMemo(() => sweep.values.map((g) => regenerationInput(tune, tune.words, g)), [sweep.values, tune]);
  const results = useQueries({
    queries: inputs.map((input) => ({
      ...generateOptions(sha, input),
      enabled: sweep.run && sha !== '' && !held.sweep,
    })),
  });

  const edgeTo = (g: number) => `guidance ${tune.settings.guidance} -> ${g}`;
  const run = async () => {
    if (!('values' in parsed)) return;
    setError(null);
    release('sweep');
    setSweep({ values: parsed.values, run: true });
    for (const g of parsed.values) {
      try {
        await regenerate(tune, sha, regenerationInput(tune, tune.words, g), 'sweep', edgeTo(g));
      } catch (e) {
        setError(`Guidance ${g}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  return (
    <div className="view sweep-view" data-testid="sweep-view">
      <p className="hint">
        Classifier-free guidance mixes the model’s reading with and without the prompt (1 turns it off). The tune on
        show used guidance {tune.settings.guidance}; each value below is written with the same prompt, seed{' '}
        {tune.settings.seed} and other settings.
      </p>
      <div className="row">
        <label htmlFor="sweep-values">Guidance values</label>
        <input
          id="sweep-values"
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={'problem' in parsed}
        />
        <button
          type="button"
          className="primary"
          disabled={'problem' in parsed || sha === ''}
          onClick={() => void run()}
        >
          Run the sweep
        </button>
      </div>
      {'problem' in parsed && (
        <p className="field-error" role="alert">
          {parsed.problem}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {sweep.run && (
        <div className="sweep-grid">
          {sweep.values.map((g, i) => {
            const r = results[i];
            const tokens = r?.data?.tokens;
            return (
              <article key={g} className="sweep-card" data-testid="sweep-card">
                <h4>guidance {g}</h4>
                {r?.isPending && (
                  <p className="hint">
                    {r.fetchStatus === 'idle' ? 'Not written again until you run the sweep.' : 'Writing…'}
                  </p>
                )}
                {r?.isError && <p className="error">{r.error.message}</p>}
                {tokens && <SweepResult tune={tune} tokens={tokens} />}
                {tokens && (
                  <SweepActions
                    tokens={tokens}
                    onShow={g === tune.settings.guidance && tokens.join(' ') === tune.tokens.join(' ')}
                    onOpen={() => openRegeneration(tune, sha, inputs[i], 'sweep', edgeTo(g))}
                  />
                )}
              </article>
            );
          })}
        </div>
      )}
    </div>
  );
}

function SweepResult({ tune, tokens }: { tune: Tune; tokens: readonly string[] }) {
  const s = useMemo(() => summarizeTune(tokens), [tokens]);
  const diff = useMemo(() => changedBars(tune.tokens, tokens), [tune.tokens, tokens]);
  const changed = useMemo(() => {
    const map = mapTune(tokens);
    return { 'ap-changed': diff.changed.flatMap((b) => notesInMeasure(map, b)) };
  }, [tokens, diff]);
  return (
    <>
      <LinkedScore abc={tokensToAbc(tokens)} marks={changed} testId="sweep-score" label="Score at this guidance" />
      <p className="hint" data-testid="sweep-summary">
        {s.meter ?? 'no meter'}, {s.key ?? '?'} {s.mode ?? ''}; {s.bars} bars, {s.notesPerBar} notes per bar, range{' '}
        {s.range} semitones.{' '}
        {diff.changed.length === 0
          ? 'Same bars as the tune on show.'
          : `${diff.changed.length} bar${diff.changed.length === 1 ? '' : 's'} differ from the tune on show (marked).`}
      </p>
    </>
  );
}
