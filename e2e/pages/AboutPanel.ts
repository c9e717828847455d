import type { Locator, Page } from '@playwright/test';

/** The About page, opened from the header. */
export class AboutPanel {
  readonly toggle: Locator;
  readonly root: Locator;

  constructor(page: Page) {
    this.toggle = page.getByRole('banner').getByRole('button', { name: 'About' });
    this.root = page.getByTestId('about-panel');
  }

  /** The section under a level-3 heading: the heading's region. */
  section(heading: string): Locator {
    return this.root.getByRole('region', { name: heading });
  }
}
