import { AdvancedSettings } from './AdvancedSettings';
import { AdventureSlider } from './AdventureSlider';
import { ConstraintFields } from './ConstraintFields';
import { LengthField } from './LengthField';
import { SeedField } from './SeedField';

/** The simple controls in front (length, safe ↔ adventurous, seed, pins); the sampling parameters under Advanced. */
export function ControlsPanel() {
  return (
    <section className="panel" aria-labelledby="controls-heading" data-testid="controls-panel">
      <h2 id="controls-heading">Settings</h2>
      <div className="fields">
        <LengthField />
        <AdventureSlider />
        <SeedField />
      </div>
      <ConstraintFields />
      <AdvancedSettings />
    </section>
  );
}
