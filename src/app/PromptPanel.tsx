import { useDeferredValue, useMemo } from 'react';
import { replaceWord } from '../tokenizer/suggest';
import { promptWords, MAX_PROMPT_WORDS } from '../tokenizer/textTokens';
import { useSettings } from '../store/settingsStore';
import { runGeneration } from './generation';
import { PromptChips } from './PromptChips';
import { ReferenceChips } from './references/ReferenceChips';
import { TunePromptNote } from './TunePromptNote';
import { WordSuggestions } from './WordSuggestions';
import { useCanGenerate } from './useCanGenerate';
import { useVocab } from './useVocab';

export function PromptPanel() {
  const prompt = useSettings((s) => s.prompt);
  const setPrompt = useSettings((s) => s.setPrompt);
  const deferred = useDeferredValue(prompt);
  const { data: vocab, status: vocabStatus } = useVocab();
  const { ok: canGenerate } = useCanGenerate();
  const encoded = useMemo(() => {
    if (vocab) {
      const e = vocab.encodePrompt(deferred);
      return { words: e.words, unknown: new Set(e.unknownWords), truncated: e.truncated };
    }
    const all = promptWords(deferred);
    return {
      words: all.slice(0, MAX_PROMPT_WORDS),
      unknown: null,
      truncated: Math.max(0, all.length - MAX_PROMPT_WORDS),
    };
  }, [deferred, vocab]);
  return (
    <section className="panel" aria-labelledby="prompt-heading" data-testid="prompt-panel">
      <h2 id="prompt-heading">Prompt</h2>
      <label htmlFor="prompt-input" className="sr-only">
        Prompt
      </label>
      <textarea
        id="prompt-input"
        rows={3}
        value={prompt}
        placeholder="Describe a tune, e.g. a slow air in G dorian"
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canGenerate) {
            e.preventDefault();
            void runGeneration();
          }
        }}
        aria-describedby="prompt-help"
      />
      <p id="prompt-help" className="hint">
        Ctrl+Enter writes a tune. Each word below is one input to the model.
      </p>
      <PromptChips
        words={encoded.words}
        unknown={encoded.unknown}
        truncated={encoded.truncated}
        vocabStatus={vocabStatus}
      />
      {vocab && encoded.unknown && (
        <WordSuggestions
          unknown={[...encoded.unknown]}
          vocab={vocab}
          onReplace={(word, replacement) => setPrompt(replaceWord(prompt, word, replacement))}
        />
      )}
      <ReferenceChips />
      <TunePromptNote />
    </section>
  );
}
