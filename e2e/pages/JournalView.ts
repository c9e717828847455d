import type { Download, Locator, Page } from '@playwright/test';

export class JournalView {
  readonly root: Locator;
  readonly nodes: Locator;
  readonly notes: Locator;
  readonly noteInput: Locator;
  readonly addNote: Locator;
  readonly importInput: Locator;
  readonly importErrors: Locator;
  readonly importResult: Locator;
  readonly replay: Locator;
  readonly report: Locator;
  readonly replayMarks: Locator;
  readonly storage: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('journal-view');
    this.nodes = this.root.getByTestId('journal-node');
    this.notes = this.root.getByTestId('journal-note');
    this.noteInput = this.root.getByRole('textbox', { name: 'Your note' });
    this.addNote = this.root.getByRole('button', { name: 'Add note' });
    this.importInput = this.root.getByLabel('Import journal JSON');
    this.importErrors = this.root.getByTestId('journal-import-errors');
    this.importResult = this.root.getByTestId('journal-import-result');
    this.replay = this.root.getByRole('button', { name: 'Replay every generation' });
    this.report = this.root.getByTestId('replay-report');
    this.replayMarks = this.root.getByTestId('replay-mark');
    this.storage = this.root.getByTestId('journal-storage');
  }

  node(edge: string | RegExp): Locator {
    return this.nodes.filter({ has: this.page.locator('.journal-edge', { hasText: edge }) });
  }

  async select(edge: string | RegExp): Promise<void> {
    await this.node(edge).locator('.journal-select').click();
  }

  async openNode(edge: string | RegExp): Promise<void> {
    await this.node(edge).getByRole('button', { name: 'Open' }).click();
  }

  async write(text: string): Promise<void> {
    await this.noteInput.fill(text);
    await this.addNote.click();
  }

  async export(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.root.getByRole('button', { name: 'Export journal JSON' }).click(),
    ]);
    return download;
  }

  async import(name: string, content: string | Buffer): Promise<void> {
    const buffer = typeof content === 'string' ? Buffer.from(content) : content;
    await this.importInput.setInputFiles({ name, mimeType: 'application/json', buffer });
  }
}
