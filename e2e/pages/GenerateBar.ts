import type { Locator, Page } from '@playwright/test';

export class GenerateBar {
  readonly root: Locator;
  readonly generateButton: Locator;
  readonly cancelButton: Locator;
  readonly progress: Locator;
  readonly count: Locator;
  /** Why Generate waits, when it does. */
  readonly reason: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('generate-bar');
    this.generateButton = this.root.getByRole('button', { name: /^Generate/ });
    this.cancelButton = this.root.getByRole('button', { name: 'Cancel' });
    this.progress = this.root.getByRole('progressbar', { name: 'Generation progress' });
    this.count = this.root.getByTestId('generation-count');
    this.reason = this.root.getByTestId('generate-reason');
  }
}
