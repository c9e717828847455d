import type { Locator, Page } from '@playwright/test';

export class ScorePanel {
  readonly root: Locator;
  readonly score: Locator;
  readonly notes: Locator;
  readonly status: Locator;
  readonly selection: Locator;
  readonly continueHere: Locator;
  readonly error: Locator;
  readonly abcText: Locator;
  readonly applyEdit: Locator;
  readonly continueFromEdit: Locator;
  readonly abcError: Locator;
  readonly abcBarWarning: Locator;
  /** What the keyboard cursor is on, read out to screen readers ("Bar 2"). */
  readonly cursor: Locator;
  readonly askDifferences: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('score-panel');
    this.score = this.root.getByTestId('score');
    this.notes = this.score.locator('svg .abcjs-note');
    this.status = this.root.getByTestId('tune-status');
    this.selection = this.root.getByTestId('selection');
    this.continueHere = this.selection.getByRole('button', { name: 'Continue from here' });
    this.error = this.root.getByTestId('generation-error');
    const editor = page.getByTestId('abc-editor');
    this.abcText = editor.getByRole('textbox', { name: 'ABC text of the tune' });
    this.applyEdit = editor.getByRole('button', { name: 'Apply edit' });
    this.continueFromEdit = editor.getByRole('button', { name: 'Continue from edited ABC' });
    this.abcError = editor.getByTestId('abc-error');
    this.abcBarWarning = editor.getByTestId('abc-bar-warning');
    this.cursor = this.root.getByTestId('score-cursor');
    this.askDifferences = this.root.getByTestId('ask-differences');
  }

  /** Notes of measure m (abcjs's own numbering, which starts at 0 for the first full bar). */
  noteInMeasure(m: number): Locator {
    return this.score.locator(`svg .abcjs-note.abcjs-mm${m}`);
  }

  /**
   * Clicks a note the way a person does: abcjs listens on the whole SVG and picks the element nearest the
   * pointer, so the SVG, not the note's group, receives the click.
   */
  async clickNote(note: Locator): Promise<void> {
    await note.click({ force: true });
  }

  /** The "pin … and regenerate" button beside a tune whose meter or key differs from its prompt. */
  pinAndRegenerate(): Locator {
    return this.askDifferences.getByRole('button', { name: /^Pin .* and regenerate$/ });
  }

  selectedNotes(): Locator {
    return this.score.locator('svg .ap-selected');
  }

  playingNotes(): Locator {
    return this.score.locator('svg .ap-playing');
  }
}
