import type { Locator, Page } from '@playwright/test';

export class HistoryPanel {
  readonly root: Locator;
  readonly entries: Locator;
  readonly storage: Locator;
  readonly warning: Locator;
  readonly downloadJson: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('history-panel');
    this.entries = this.root.locator('.history-item');
    this.storage = this.root.getByTestId('history-storage');
    this.warning = this.root.getByTestId('history-warning');
    this.downloadJson = this.root.getByRole('button', { name: 'Download history JSON' });
  }

  /** The entries whose title holds this text, newest first. */
  entry(title: string): Locator {
    return this.entries.filter({ hasText: title });
  }
}
