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

  /**
   * Presses Cancel from inside the page as soon as `tokens` tokens of the tune have streamed. A press sent from the
   * test arrives a round trip later, and on a fast machine the tune could be finished by then.
   */
  async cancelAfter(tokens: number): Promise<void> {
    await this.root.page().waitForFunction((n) => {
      if (window.__apparatus!.state().streamTokens < n) return false;
      const cancel = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="generate-bar"] button')].find(
        (b) => b.textContent === 'Cancel',
      );
      cancel?.click();
      return cancel !== undefined;
    }, tokens);
  }
}
