import type { Locator, Page } from '@playwright/test';

/** The training catalogue and the nearest-training-examples panel (with the copy measurement). */
export class CataloguePanel {
  readonly root: Locator;
  readonly search: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly detail: Locator;
  readonly credits: Locator;
  readonly neighbours: Locator;
  readonly neighbourItems: Locator;
  readonly neighbourLabel: Locator;
  readonly overlap: Locator;
  readonly copy: Locator;
  readonly overlapScore: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('catalogue-panel');
    this.search = this.root.getByRole('searchbox');
    this.rows = this.root.getByRole('list', { name: 'Catalogue tunes' }).getByRole('listitem');
    this.count = this.root.getByTestId('catalogue-count');
    this.detail = this.root.getByTestId('catalogue-detail');
    this.credits = this.detail.getByTestId('catalogue-credits');
    this.neighbours = page.getByTestId('neighbours-panel');
    this.neighbourItems = this.neighbours.getByTestId('neighbours-list').getByRole('listitem');
    this.neighbourLabel = this.neighbours.getByTestId('neighbours-label');
    this.overlap = this.neighbours.getByTestId('neighbours-overlap');
    this.copy = this.neighbours.locator('[data-testid="copy-score"], [data-testid="copy-flag"]');
    this.overlapScore = this.neighbours.getByRole('combobox', { name: /^Overlap score/ });
  }

  filter(name: 'Type' | 'Key' | 'Meter' | 'Collection'): Locator {
    return this.root.getByRole('combobox', { name: new RegExp(`^${name}`) });
  }

  measure(label: RegExp): Locator {
    return this.neighbours.getByRole('radio', { name: label });
  }
}
