import { useState } from 'react';
import { useOffline, type OfflineInstall } from '../../store/offlineStore';
import { NumberField } from '../NumberField';
import { IDLE_RANGE, WARN_RANGE } from './kioskConfig';
import { useKiosk } from './kioskStore';

/**
 * The header's "Workshop mode" settings, for whoever sets up the screen. Once on, the control is gone from the
 * page, so visitors cannot leave; `?kiosk=0` in the address turns it off.
 */
const OFFLINE_TEXT: Record<OfflineInstall, string> = {
  none: 'Offline copy: not checked yet.',
  installing: 'Offline copy: being saved. Keep the network on until it says ready.',
  ready: 'Offline copy: ready. The app, the model, every instrument and the catalogue work without a network.',
  unavailable: 'Offline copy: not available in this browser or build; keep the network on.',
};

export function KioskSettings() {
  const install = useOffline((s) => s.install);
  const config = useKiosk((s) => s.config);
  const setConfig = useKiosk((s) => s.setConfig);
  const [open, setOpen] = useState(false);
  const [idleSeconds, setIdle] = useState(config.idleSeconds);
  const [warningSeconds, setWarning] = useState(config.warningSeconds);
  const [idleValid, setIdleValid] = useState(true);
  const [warningValid, setWarningValid] = useState(true);
  return (
    <div className="kiosk-settings">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Workshop mode
      </button>
      {open && (
        <div className="reset-popover" role="group" aria-label="Workshop mode settings">
          <p>
            A kiosk layout for a shared screen: big controls, a gallery of prompts, full screen, and a reset for the
            next person after a quiet spell. To leave it, open the page with <code>?kiosk=0</code>.
          </p>
          <p data-testid="offline-install">{OFFLINE_TEXT[install]}</p>
          <NumberField
            label="Quiet time before the countdown (seconds)"
            value={idleSeconds}
            min={IDLE_RANGE.min}
            max={IDLE_RANGE.max}
            integer
            onCommit={setIdle}
            onValidity={setIdleValid}
          />
          <NumberField
            label="Countdown (seconds)"
            value={warningSeconds}
            min={WARN_RANGE.min}
            max={WARN_RANGE.max}
            integer
            onCommit={setWarning}
            onValidity={setWarningValid}
          />
          <button
            type="button"
            disabled={!idleValid || !warningValid}
            onClick={() => setConfig({ enabled: true, idleSeconds, warningSeconds })}
          >
            Start workshop mode
          </button>
        </div>
      )}
    </div>
  );
}
