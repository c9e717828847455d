import { useMemo } from 'react';
import { MODE_WORDS } from '../music/key';
import { askOfPrompt, differencesFromAsk, type PromptAsk } from '../music/promptAsk';
import { useSettings } from '../store/settingsStore';
import type { Tune } from '../store/types';
import { promptWords } from '../tokenizer/textTokens';
import { constraintOptions, type ConstraintOptions } from './constraints';
import { runGeneration } from './generation';
import { useCanGenerate } from './useCanGenerate';
import { useVocab } from './useVocab';

/** The pins that ask for what the prompt's words ask for, limited to the meters and keys the model has tokens for. */
function pinsFromAsk(ask: PromptAsk, options: ConstraintOptions) {
  const meter = ask.meters?.find((m) => options.meters.includes(m)) ?? null;
  const keyKnown = ask.tonic !== null && ask.mode !== null && options.pairs.has(`${ask.tonic}${ask.mode}`);
  return { meter, key: keyKnown ? ask.tonic : null, mode: keyKnown ? ask.mode : null };
}

/** Says where the tune's meter or key differs from its prompt's words, and offers to pin them and write it again. */
export function AskDifferences({ tune }: { readonly tune: Tune }) {
  const { data: vocab } = useVocab();
  const update = useSettings((s) => s.update);
  const setPrompt = useSettings((s) => s.setPrompt);
  const { ok: canGenerate } = useCanGenerate();
  const ask = useMemo(() => askOfPrompt(promptWords(tune.prompt)), [tune.prompt]);
  const differences = useMemo(() => differencesFromAsk(ask, tune.tokens), [ask, tune.tokens]);
  if (differences.length === 0) return null;
  const pins = pinsFromAsk(ask, constraintOptions(vocab?.json.music ?? []));
  const pinnable = pins.meter !== null || pins.key !== null;
  const pinAndRegenerate = () => {
    setPrompt(tune.prompt);
    update({
      ...(pins.meter !== null ? { meter: pins.meter } : {}),
      ...(pins.key !== null ? { key: pins.key, mode: pins.mode } : {}),
    });
    void runGeneration();
  };
  return (
    <div className="ask-differences" data-testid="ask-differences">
      <ul>
        {differences.map((d) => (
          <li key={d.field}>
            The prompt asks for {d.field === 'meter' ? 'meter' : 'the key'} {d.asked}; this tune is written in{' '}
            {d.written} (its {d.field === 'meter' ? 'M:' : 'K:'} header).
          </li>
        ))}
      </ul>
      {pinnable && (
        <button type="button" disabled={!canGenerate} onClick={pinAndRegenerate}>
          Pin{' '}
          {[pins.meter, pins.key && pins.mode && `${pins.key} ${MODE_WORDS[pins.mode]}`].filter(Boolean).join(' and ')}{' '}
          and regenerate
        </button>
      )}
    </div>
  );
}
