import { create } from 'zustand';
import { applyKioskUrl, parseStoredKiosk, type KioskConfig } from './kioskConfig';

const STORAGE_KEY = 'apparatus.kiosk';

interface KioskState {
  readonly config: KioskConfig;
  /** Changes and keeps the venue's settings (they outlive every visitor's reset). */
  setConfig(config: KioskConfig): void;
}

function store(config: KioskConfig): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(config));
  } catch {
    // Private windows may refuse storage; the settings then last until the page closes.
  }
}

export const useKiosk = create<KioskState>()((set) => ({
  config: parseStoredKiosk(null).config,
  setConfig: (config) => {
    store(config);
    set({ config });
  },
}));

/**
 * Reads the kept settings, applies the URL's, and keeps the result, so one visit to `?kiosk=1` sets up the device.
 * Returns what could not be read, for the page to say.
 */
export function initKiosk(): string[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    // As above: no storage, the defaults and the URL decide.
  }
  const stored = parseStoredKiosk(raw);
  const fromUrl = applyKioskUrl(stored.config, globalThis.location?.search ?? '');
  useKiosk.getState().setConfig(fromUrl.config);
  return [...stored.errors, ...fromUrl.errors];
}
