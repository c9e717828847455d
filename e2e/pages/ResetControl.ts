import type { Locator, Page } from '@playwright/test';

/** The header's "Reset for the next person" and its confirmation. */
export class ResetControl {
  readonly root: Locator;
  readonly open: Locator;
  readonly confirm: Locator;
  readonly erase: Locator;
  readonly cancel: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('reset-control');
    this.open = this.root.getByRole('button', { name: 'Reset for the next person' });
    this.confirm = this.root.getByRole('group', { name: 'Confirm reset' });
    this.erase = this.confirm.getByRole('button', { name: 'Erase and reset' });
    this.cancel = this.confirm.getByRole('button', { name: 'Cancel' });
    this.status = this.root.getByRole('status');
  }

  /** Where the reset button sits on the page, rounded to whole pixels. */
  async buttonPlace(): Promise<{ x: number; y: number }> {
    const box = (await this.open.boundingBox())!;
    return { x: Math.round(box.x), y: Math.round(box.y) };
  }
}
