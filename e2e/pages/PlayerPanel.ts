import type { Locator, Page } from '@playwright/test';

export class PlayerPanel {
  readonly root: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly stop: Locator;
  readonly loop: Locator;
  readonly tempo: Locator;
  readonly instrument: Locator;
  readonly state: Locator;
  readonly waits: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('player-panel');
    this.play = this.root.getByRole('button', { name: 'Play' });
    this.pause = this.root.getByRole('button', { name: 'Pause' });
    this.resume = this.root.getByRole('button', { name: 'Resume' });
    this.stop = this.root.getByRole('button', { name: 'Stop' });
    this.loop = this.root.getByLabel('Loop');
    this.tempo = this.root.getByLabel(/Tempo/);
    this.instrument = this.root.getByLabel('Instrument');
    this.state = this.root.getByTestId('player-state');
    this.waits = this.root.getByTestId('play-waits');
  }
}
