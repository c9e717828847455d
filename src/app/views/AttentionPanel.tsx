import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { attentionInterpreter, attentionMatrix, type AttentionInput } from '../../explain/attention';
import { tokenBars } from '../../explain/tokenBars';
import { referenceLabel } from '../../music/excerpt';
import { referenceTokensOf, type Tune } from '../../store/types';
import { AttentionLinked } from './AttentionLinked';
import { readOptions } from '../shared/readService';
import { SettingsForm } from './SettingsForm';
import type { ViewContext } from './useViewContext';
import { useViews } from './viewStore';

/**
 * Cross-attention map of the tune on show: settings from the interpreter's spec, the map linked to a score. The
 * tune is read with the references it was written with; their bars are extra columns after the words.
 */
export function AttentionPanel({ tune, ctx }: { tune: Tune; ctx: ViewContext }) {
  const settings = useViews((s) => s.views.attention);
  const setAttention = useViews((s) => s.setAttention);
  const sha = ctx.modelSha256 ?? '';
  const refTokens = useMemo(() => referenceTokensOf(tune), [tune]);
  const reading = useQuery({ ...readOptions(sha, tune.tokens, [tune.words], [0], refTokens), enabled: sha !== '' });
  const input = useMemo((): AttentionInput | null => {
    const r = reading.data;
    const attention = r?.readings[0].attention;
    if (!r || !attention) return null;
    const bars = tokenBars(tune.tokens);
    const references = r.readings[0].memory.references.map((cols, k) => {
      const ref = tune.references?.[k];
      return { ...cols, firstBar: ref?.first ?? 1, name: ref ? ref.source.title || ref.source.id : undefined };
    });
    return { attention, layers: r.layers, heads: r.heads, words: tune.words, tokens: tune.tokens, bars, references };
  }, [reading.data, tune]);
  const matrix = useMemo(() => (input ? attentionMatrix(input, settings) : null), [input, settings]);
  const unknown = tune.words.filter((w) => ctx.unknown.has(w));
  return (
    <div className="view attention-view" data-testid="attention-view">
      <details className="method">
        <summary>Method: {attentionInterpreter.id}</summary>
        <p>{attentionInterpreter.description}</p>
      </details>
      {ctx.dims && (
        <SettingsForm
          label="Attention settings"
          spec={attentionInterpreter.settingsSpec(ctx.dims)}
          value={settings}
          onChange={setAttention}
        />
      )}
      {tune.words.length === 0 && (
        <p className="hint" data-testid="attention-empty-prompt">
          The prompt has no words: the map has one column, the &lt;none&gt; token the model reads for an unconditional
          tune.
        </p>
      )}
      {(tune.references?.length ?? 0) > 0 && (
        <p className="hint" data-testid="attention-references">
          Read with {tune.references!.length === 1 ? 'a reference' : `${tune.references!.length} references`} beside the
          prompt, shown as columns after the words (one per bar, summing its tokens):{' '}
          {tune.references!.map((r, k) => `ref ${k + 1}: ${referenceLabel(r)}`).join('; ')}.
        </p>
      )}
      {unknown.length > 0 && (
        <p className="warning" data-testid="attention-unknown">
          Not in the vocabulary, read by the model as &lt;unk&gt; (marked “?”): {unknown.join(', ')}.
        </p>
      )}
      {reading.isPending && <p className="hint">Reading the tune’s cross-attention…</p>}
      {reading.isError && (
        <p className="error" role="alert">
          The attention could not be read: {reading.error.message}
        </p>
      )}
      {matrix && input && <AttentionLinked tune={tune} matrix={matrix} input={input} settings={settings} />}
    </div>
  );
}
