import { promptWords } from '../tokenizer/textTokens';
import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import { cancelGeneration, runGeneration } from './generation';
import { useCanGenerate } from './useCanGenerate';

/** Generate and Cancel, with the generation's progress in tokens. */
export function GenerateBar() {
  const unconditional = useSettings((s) => promptWords(s.prompt).length === 0);
  const streaming = useTune((s) => s.streaming);
  const { ok, reason } = useCanGenerate();
  const generated = streaming ? streaming.tokens.length - streaming.prefixLength : 0;
  return (
    <section className="panel generate-bar" aria-label="Generate" data-testid="generate-bar">
      <div className="row">
        {/* While a tune is written the button stays focusable (aria-disabled), so Enter on it keeps the keyboard's place. */}
        <button
          type="button"
          className="primary"
          disabled={!ok && !streaming}
          aria-disabled={!ok}
          onClick={() => ok && void runGeneration()}
        >
          {unconditional ? 'Generate (unconditional)' : 'Generate'}
        </button>
        {streaming && (
          <button type="button" className="danger" onClick={cancelGeneration}>
            Cancel
          </button>
        )}
      </div>
      {/* Always there, with room for the progress line, so the panels below keep their place while a tune is written. */}
      <div className="generate-status">
        {streaming ? (
          <div className="progress-line">
            <progress aria-label="Generation progress" max={streaming.maxTokens} value={generated} />
            <span data-testid="generation-count">
              {generated} / {streaming.maxTokens} tokens
            </span>
          </div>
        ) : (
          reason && (
            <p className="hint" data-testid="generate-reason">
              {reason}
            </p>
          )
        )}
      </div>
    </section>
  );
}
