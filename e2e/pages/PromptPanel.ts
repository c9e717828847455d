import type { Locator, Page } from '@playwright/test';

export class PromptPanel {
  readonly root: Locator;
  readonly input: Locator;
  readonly chips: Locator;
  readonly unknownChips: Locator;
  readonly truncatedNote: Locator;
  readonly unconditionalNote: Locator;
  /** Shown when the prompt box differs from the prompt of the tune on show. */
  readonly tunePromptNote: Locator;
  readonly bringPromptBack: Locator;
  readonly vocabNote: Locator;
  readonly unknownLegend: Locator;
  readonly suggestions: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('prompt-panel');
    this.input = this.root.getByRole('textbox', { name: 'Prompt' });
    this.chips = this.root.getByRole('list', { name: 'Prompt words' }).getByRole('listitem');
    this.unknownChips = this.root.locator('.chip-unknown');
    this.truncatedNote = this.root.getByTestId('prompt-truncated');
    this.unconditionalNote = this.root.getByTestId('prompt-unconditional');
    this.tunePromptNote = this.root.getByTestId('tune-prompt-note');
    this.bringPromptBack = this.tunePromptNote.getByRole('button', { name: 'Bring its prompt back' });
    this.vocabNote = this.root.getByTestId('prompt-vocab-note');
    this.unknownLegend = this.root.getByTestId('prompt-chips-legend');
    this.suggestions = this.root.getByTestId('word-suggestions');
  }

  async fill(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /** The button that puts `replacement` in place of an unknown word. */
  suggestion(replacement: string): Locator {
    return this.suggestions.getByRole('button', { name: replacement, exact: true });
  }

  chip(word: string): Locator {
    return this.chips.filter({ hasText: new RegExp(`^${word}$`) });
  }
}
