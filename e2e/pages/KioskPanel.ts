import type { Locator, Page } from '@playwright/test';

/** Workshop mode: the header's settings, the prompt gallery with full screen, and the idle countdown. */
export class KioskPanel {
  readonly settingsButton: Locator;
  readonly settings: Locator;
  readonly idleField: Locator;
  readonly countdownField: Locator;
  readonly start: Locator;
  /** Whether the offline copy is saved, as the settings say. */
  readonly offlineInstall: Locator;
  readonly bar: Locator;
  readonly presets: Locator;
  readonly fullscreen: Locator;
  readonly countdown: Locator;
  readonly secondsLeft: Locator;
  readonly stillHere: Locator;
  readonly resetDone: Locator;

  constructor(readonly page: Page) {
    this.settingsButton = page.getByRole('button', { name: 'Workshop mode' });
    this.settings = page.getByRole('group', { name: 'Workshop mode settings' });
    this.idleField = this.settings.getByLabel(/^Quiet time before the countdown/);
    this.countdownField = this.settings.getByLabel(/^Countdown/);
    this.offlineInstall = this.settings.getByTestId('offline-install');
    this.start = this.settings.getByRole('button', { name: 'Start workshop mode' });
    this.bar = page.getByTestId('kiosk-bar');
    this.presets = this.bar.getByRole('list', { name: 'Preset prompts' }).getByRole('button');
    this.fullscreen = this.bar.getByRole('button', { name: 'Full screen' });
    this.countdown = page.getByRole('alertdialog', { name: 'Still there?' });
    this.secondsLeft = this.countdown.getByTestId('idle-seconds-left');
    this.stillHere = this.countdown.getByRole('button', { name: "I'm still here" });
    this.resetDone = page.getByRole('status').filter({ hasText: 'ready for the next person' });
  }

  preset(title: string): Locator {
    return this.presets.filter({ hasText: title });
  }

  /** Opens the app in workshop mode with the given idle and countdown seconds. */
  async open(idleSeconds: number, warningSeconds: number): Promise<void> {
    await this.page.goto(`/?backend=wasm&kiosk=1&idle=${idleSeconds}&warn=${warningSeconds}`);
  }
}
