import type { Locator, Page } from '@playwright/test';

/** The prompt shown when a newly deployed version is installed and waiting. */
export class UpdatePrompt {
  readonly root: Locator;
  readonly update: Locator;
  readonly later: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('alertdialog', { name: 'New version' });
    this.update = this.root.getByRole('button', { name: 'Update now' });
    this.later = this.root.getByRole('button', { name: 'Later' });
  }
}
