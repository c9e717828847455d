import type { Locator, Page } from '@playwright/test';

/** The training catalogue: search, filters, the virtualised list and the detail of one tune. */
export class CataloguePanel {
  readonly root: Locator;
  readonly search: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly detail: Locator;
  readonly credits: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('catalogue-panel');
    this.search = this.root.getByRole('searchbox');
    this.rows = this.root.getByRole('list', { name: 'Catalogue tunes' }).getByRole('listitem');
    this.count = this.root.getByTestId('catalogue-count');
    this.detail = this.root.getByTestId('catalogue-detail');
    this.credits = this.detail.getByTestId('catalogue-credits');
  }

  filter(name: 'Type' | 'Key' | 'Meter' | 'Collection'): Locator {
    return this.root.getByRole('combobox', { name: new RegExp(`^${name}`) });
  }
}
