import type { Locator, Page } from '@playwright/test';

/** The training catalogue: search, filters, the virtualised list and the detail of one tune. */
export class CataloguePanel {
  readonly root: Locator;
  readonly search: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly detail: Locator;
  readonly credits: Locator;
  readonly rights: Locator;
  readonly useAsReference: Locator;
  readonly refusal: Locator;
  readonly referenceProblem: Locator;
  readonly barFrom: Locator;
  readonly barTo: Locator;
  readonly scoreNotes: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('catalogue-panel');
    this.search = this.root.getByRole('searchbox');
    this.rows = this.root.getByRole('list', { name: 'Catalogue tunes' }).getByRole('listitem');
    this.count = this.root.getByTestId('catalogue-count');
    this.detail = this.root.getByTestId('catalogue-detail');
    this.credits = this.detail.getByTestId('catalogue-credits');
    this.rights = this.detail.getByTestId('catalogue-rights');
    this.useAsReference = this.rights.getByRole('button', { name: 'Use as reference' });
    this.refusal = this.rights.getByTestId('reference-refusal');
    this.referenceProblem = this.rights.getByRole('alert');
    this.barFrom = this.rights.getByLabel('From bar');
    this.barTo = this.rights.getByLabel('to bar');
    this.scoreNotes = this.detail.getByTestId('score').locator('svg .abcjs-note');
  }

  /** The list row whose title is exactly `title`. */
  row(title: string): Locator {
    return this.rows.filter({
      has: this.root.page().locator('.catalogue-title', { hasText: new RegExp(`^${title}$`) }),
    });
  }

  /** Searches for a title and opens the tune of that exact title in the detail view. */
  async openTune(title: string): Promise<void> {
    await this.search.fill(title);
    await this.row(title).first().click();
    await this.detail.getByRole('heading', { level: 3, name: title }).waitFor();
  }

  /** Clicks the k-th note of the open tune's score (abcjs picks the element nearest the pointer on the SVG). */
  async clickNote(k: number): Promise<void> {
    await this.scoreNotes.nth(k).click({ force: true });
  }

  filter(name: 'Type' | 'Key' | 'Meter' | 'Collection'): Locator {
    return this.root.getByRole('combobox', { name: new RegExp(`^${name}`) });
  }
}
