import { useSettings } from '../../store/settingsStore';
import { runGeneration } from '../generation';
import { useCanGenerate } from '../useCanGenerate';
import { FullscreenButton } from './FullscreenButton';
import { PRESET_PROMPTS } from './presets';

/** Workshop mode's top bar: a gallery of prompts that write a tune in one press, and full screen. */
export function KioskBar() {
  const prompt = useSettings((s) => s.prompt);
  const setPrompt = useSettings((s) => s.setPrompt);
  const { ok: canGenerate, reason } = useCanGenerate();
  const choose = (text: string) => {
    setPrompt(text);
    if (canGenerate) void runGeneration();
  };
  return (
    <section className="kiosk-bar" aria-labelledby="kiosk-gallery-heading" data-testid="kiosk-bar">
      <div className="kiosk-bar-head">
        <h2 id="kiosk-gallery-heading">Pick a tune to start</h2>
        <FullscreenButton />
      </div>
      <ul className="kiosk-gallery" aria-label="Preset prompts">
        {PRESET_PROMPTS.map((p) => (
          <li key={p.title}>
            <button
              type="button"
              className="kiosk-preset"
              aria-pressed={prompt === p.prompt}
              aria-describedby={canGenerate ? undefined : 'kiosk-gallery-wait'}
              onClick={() => choose(p.prompt)}
            >
              <span className="kiosk-preset-title">{p.title}</span>
              <span className="kiosk-preset-prompt">{p.prompt}</span>
            </button>
          </li>
        ))}
      </ul>
      {!canGenerate && reason && (
        <p id="kiosk-gallery-wait" className="hint">
          For now a press only fills in the prompt. {reason}
        </p>
      )}
    </section>
  );
}
