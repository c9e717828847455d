import type { Download, Locator, Page } from '@playwright/test';

/** The rights registry panel: its notice, loading a file, editing an entry's terms, export. */
export class RightsPanel {
  readonly root: Locator;
  readonly notice: Locator;
  readonly origin: Locator;
  readonly fileInput: Locator;
  readonly fileErrors: Locator;
  readonly target: Locator;
  readonly editor: Locator;
  readonly referenceConsent: Locator;
  readonly save: Locator;
  readonly backToShipped: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('rights-panel');
    this.notice = this.root.getByTestId('rights-notice');
    this.origin = this.root.getByTestId('rights-origin');
    this.fileInput = this.root.getByLabel('Load a registry file');
    this.fileErrors = this.root.getByTestId('registry-errors');
    this.target = this.root.getByRole('combobox', { name: 'Edit the terms of' });
    this.editor = this.root.getByRole('form');
    this.referenceConsent = this.editor.getByRole('combobox', { name: 'Use as a reference' });
    this.save = this.editor.getByRole('button', { name: 'Save terms' });
    this.backToShipped = this.root.getByRole('button', { name: 'Back to the shipped registry' });
  }

  async export(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.root.getByRole('button', { name: 'Export registry (JSON)' }).click(),
    ]);
    return download;
  }
}
