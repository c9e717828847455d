import type { Locator, Page } from '@playwright/test';

/** The nearest-training-examples panel: copy measurement, measure switching, the list and the A/B view. */
export class NeighboursPanel {
  readonly root: Locator;
  readonly items: Locator;
  readonly list: Locator;
  readonly label: Locator;
  readonly overlap: Locator;
  readonly rankMarks: Locator;
  readonly timing: Locator;
  readonly copy: Locator;
  readonly copyFlag: Locator;
  readonly overlapScore: Locator;
  readonly ab: Locator;
  readonly passages: Locator;
  readonly scoreA: Locator;
  readonly scoreB: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('neighbours-panel');
    this.list = this.root.getByTestId('neighbours-list');
    this.items = this.list.getByRole('listitem');
    this.label = this.root.getByTestId('neighbours-label');
    this.overlap = this.root.getByTestId('neighbours-overlap');
    this.rankMarks = this.list.getByTestId('rank-mark');
    this.timing = this.root.getByTestId('neighbours-timing');
    this.copy = this.root.locator('[data-testid="copy-score"], [data-testid="copy-flag"]');
    this.copyFlag = this.root.getByTestId('copy-flag');
    this.overlapScore = this.root.getByRole('combobox', { name: /^Overlap score/ });
    this.ab = this.root.getByTestId('neighbour-ab');
    this.passages = this.ab.getByTestId('neighbour-passages');
    this.scoreA = this.ab.getByTestId('neighbour-score-a');
    this.scoreB = this.ab.getByTestId('neighbour-score-b');
  }

  measure(label: RegExp): Locator {
    return this.root.getByRole('radio', { name: label });
  }

  /** Picks a measure and waits until the list is ranked by it. */
  async useMeasure(label: RegExp, measure: string): Promise<void> {
    await this.measure(label).check();
    await this.list.and(this.root.locator(`[data-measure="${measure}"][data-query-ms]`)).waitFor({ timeout: 60_000 });
  }

  /** The neighbour's title button (selects it for A/B) and its "catalogue" button. */
  title(item: Locator): Locator {
    return item.getByRole('button').first();
  }
  openInCatalogue(item: Locator): Locator {
    return item.getByRole('button', { name: 'catalogue', exact: true });
  }

  /** "Use as reference" in a list item, or (without one) in the A/B view. */
  useAsReference(item?: Locator): Locator {
    return (item ?? this.ab).getByRole('button', { name: 'Use as reference' });
  }
}
