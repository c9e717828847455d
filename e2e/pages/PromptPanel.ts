import type { Locator, Page } from '@playwright/test';

export class PromptPanel {
  readonly root: Locator;
  readonly input: Locator;
  readonly chips: Locator;
  readonly unknownChips: Locator;
  readonly truncatedNote: Locator;
  readonly unconditionalNote: Locator;
  readonly vocabNote: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('prompt-panel');
    this.input = this.root.getByRole('textbox', { name: 'Prompt' });
    this.chips = this.root.getByRole('list', { name: 'Prompt words' }).getByRole('listitem');
    this.unknownChips = this.root.locator('.chip-unknown');
    this.truncatedNote = this.root.getByTestId('prompt-truncated');
    this.unconditionalNote = this.root.getByTestId('prompt-unconditional');
    this.vocabNote = this.root.getByTestId('prompt-vocab-note');
  }

  async fill(text: string): Promise<void> {
    await this.input.fill(text);
  }

  chip(word: string): Locator {
    return this.chips.filter({ hasText: new RegExp(`^${word}$`) });
  }
}
