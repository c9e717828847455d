import type { Locator, Page } from '@playwright/test';

export type OutputUseLabel = 'personal use' | 'education' | 'commercial use';

/** The references beside the prompt: chips with credits and terms, permitted uses, and adding your own ABC. */
export class ReferencesArea {
  readonly root: Locator;
  readonly chips: Locator;
  readonly none: Locator;
  readonly permitted: Locator;
  readonly addAbc: Locator;
  readonly abcText: Locator;
  readonly addAbcButton: Locator;
  readonly addAbcProblem: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('references');
    this.chips = this.root.getByRole('list', { name: 'References' }).getByRole('listitem');
    this.none = this.root.getByTestId('references-none');
    this.permitted = this.root.getByTestId('permitted-uses');
    this.addAbc = this.root.getByTestId('add-abc-reference');
    this.abcText = this.addAbc.getByRole('textbox', { name: 'ABC' });
    this.addAbcButton = this.addAbc.getByRole('button', { name: 'Add as reference' });
    this.addAbcProblem = this.addAbc.getByRole('alert');
  }

  chip(label: string): Locator {
    return this.chips.filter({ hasText: label });
  }

  remove(label: string): Locator {
    return this.root.getByRole('button', { name: `Remove reference ${label}` });
  }

  use(name: OutputUseLabel): Locator {
    return this.permitted.getByRole('listitem').filter({ hasText: new RegExp(`^${name}:`) });
  }

  async pasteAbc(text: string): Promise<void> {
    if (!(await this.abcText.isVisible())) await this.addAbc.locator('summary').click();
    await this.abcText.fill(text);
    await this.addAbcButton.click();
  }
}
