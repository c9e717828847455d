import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';

/**
 * Says so when the prompt box no longer holds the prompt of the tune on show: a continuation would then read
 * the new words, and the tune it makes is filed under them. One click brings the tune's prompt back.
 */
export function TunePromptNote() {
  const tune = useTune((s) => (s.streaming ? null : s.current));
  const prompt = useSettings((s) => s.prompt);
  const setPrompt = useSettings((s) => s.setPrompt);
  if (!tune || tune.prompt === prompt) return null;
  return (
    <p className="hint" data-testid="tune-prompt-note">
      The tune on show was written from “{tune.prompt || '(no words)'}”; Generate and continuations now read the prompt
      above.{' '}
      <button type="button" onClick={() => setPrompt(tune.prompt)}>
        Bring its prompt back
      </button>
    </p>
  );
}
