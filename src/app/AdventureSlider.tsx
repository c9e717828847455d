import { useId } from 'react';
import { ADVENTURE_STEP, adventureOf, samplingForAdventure } from '../runtime/adventure';
import { useSettings } from '../store/settingsStore';

/** One slider from safe to adventurous; it sets temperature and top-p, which Advanced shows. */
export function AdventureSlider() {
  const id = useId();
  const temperature = useSettings((s) => s.settings.temperature);
  const topP = useSettings((s) => s.settings.topP);
  const update = useSettings((s) => s.update);
  const position = adventureOf({ temperature, topP });
  return (
    <div className="field adventure">
      <label htmlFor={id}>Safe ↔ adventurous</label>
      <div className="row">
        <span aria-hidden="true">safe</span>
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={ADVENTURE_STEP}
          value={position ?? Math.min(1, Math.max(0, (temperature - 0.6) / 0.6))}
          aria-valuetext={`temperature ${temperature}, top-p ${topP}`}
          aria-describedby={`${id}-hint`}
          onChange={(e) => update(samplingForAdventure(Number(e.target.value)))}
        />
        <span aria-hidden="true">adventurous</span>
      </div>
      <span id={`${id}-hint`} className="field-hint">
        {position === null
          ? `temperature ${temperature} and top-p ${topP} were set in Advanced; moving the slider sets both again`
          : 'safe keeps to the likeliest notes; adventurous takes more chances'}
      </span>
    </div>
  );
}
