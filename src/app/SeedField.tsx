import { SETTING_RANGES } from '../runtime/decode';
import { useSettings } from '../store/settingsStore';
import { NumberField } from './NumberField';
import { SETTING_LABELS } from './settingLabels';

/** The seed and its lock: locked keeps the seed, unlocked draws a fresh one for each generation. */
export function SeedField() {
  const seed = useSettings((s) => s.settings.seed);
  const locked = useSettings((s) => s.seedLocked);
  const update = useSettings((s) => s.update);
  const setLocked = useSettings((s) => s.setSeedLocked);
  const setInvalid = useSettings((s) => s.setInvalid);
  return (
    <div className="seed">
      <NumberField
        label={SETTING_LABELS.seed}
        value={seed}
        min={SETTING_RANGES.seed.min}
        max={SETTING_RANGES.seed.max}
        integer
        hint={locked ? 'kept for every tune' : 'a new seed is drawn for each tune'}
        onCommit={(v) => {
          update({ seed: v });
          setLocked(true);
        }}
        onValidity={(ok) => setInvalid('seed', !ok)}
      />
      <label className="toggle">
        <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} />
        Lock seed
      </label>
    </div>
  );
}
