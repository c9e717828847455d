import type { Locator, Page } from '@playwright/test';

export class ControlsPanel {
  readonly root: Locator;
  readonly seed: Locator;
  readonly seedLock: Locator;
  readonly temperature: Locator;
  readonly topP: Locator;
  readonly topK: Locator;
  readonly guidance: Locator;
  readonly maxTokens: Locator;
  readonly meter: Locator;
  readonly key: Locator;
  readonly mode: Locator;
  readonly fitBars: Locator;
  readonly errors: Locator;
  readonly lengthBars: Locator;
  readonly adventure: Locator;
  readonly advanced: Locator;
  readonly adventureValues: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('controls-panel');
    this.seed = this.root.getByLabel('Seed', { exact: true });
    this.seedLock = this.root.getByLabel('Lock seed');
    this.temperature = this.root.getByLabel('Temperature');
    this.topP = this.root.getByLabel('Top-p');
    this.topK = this.root.getByLabel('Top-k');
    this.guidance = this.root.getByLabel('Guidance');
    this.maxTokens = this.root.getByLabel('Token limit');
    this.meter = this.root.getByLabel('Meter', { exact: true });
    this.key = this.root.getByLabel('Key', { exact: true });
    this.mode = this.root.getByLabel('Mode', { exact: true });
    this.fitBars = this.root.getByLabel('Fit bars to the meter');
    this.errors = this.root.getByRole('alert');
    this.lengthBars = this.root.getByLabel('Length (bars)');
    this.adventure = this.root.getByLabel('Safe ↔ adventurous');
    this.advanced = this.root.getByTestId('advanced-settings');
    this.adventureValues = this.root.getByTestId('adventure-values');
  }

  /** Opens Advanced, where temperature, top-p, top-k, guidance and the token limit live. */
  async openAdvanced(): Promise<void> {
    if ((await this.advanced.getAttribute('open')) === null) await this.advanced.locator('summary').click();
  }

  /** Short, reproducible generations: a fixed seed and a small token budget. */
  /** The panel's top edge in the page (not the viewport), so scrolling does not change it. */
  top(): Promise<number> {
    return this.root.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  }

  async quick(seed: number, maxTokens = 64): Promise<void> {
    await this.openAdvanced();
    await this.seed.fill(String(seed));
    await this.seedLock.check();
    await this.maxTokens.fill(String(maxTokens));
  }
}
