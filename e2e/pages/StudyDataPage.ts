import type { Download, Locator, Page } from '@playwright/test';

/** The study data page (`?study-data`): participants on this device, exports, imports, clearing and replay. */
export class StudyDataPage {
  readonly data: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly importOutcome: Locator;
  readonly replay: Locator;
  readonly replaySteps: Locator;
  readonly replayStatus: Locator;
  readonly shownAbc: Locator;

  constructor(private readonly page: Page) {
    this.data = page.getByRole('region', { name: 'Study data on this device' });
    this.table = page.getByRole('table', { name: 'Participants on this device' });
    this.rows = this.table.locator('tbody tr');
    this.empty = page.getByText('No participants on this device.');
    this.importOutcome = this.data.locator('.import-outcome');
    this.replay = page.getByRole('region', { name: /^Replay of / });
    this.replaySteps = this.replay.getByRole('group', { name: 'Replay steps' });
    this.replayStatus = this.replay.getByRole('status', { name: 'Replay step' });
    this.shownAbc = this.replay.getByLabel('ABC of the tune on show');
  }

  async open(): Promise<void> {
    await this.page.goto('/?study-data');
    await this.data.waitFor();
  }

  row(participant: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name: participant, exact: true }) });
  }

  async importFiles(files: readonly { name: string; text: string }[]): Promise<void> {
    await this.data
      .getByLabel('Import log exports (JSON)')
      .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  }

  private async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  exportEverything(): Promise<Download> {
    return this.download(this.data.getByRole('button', { name: 'Export everything (ZIP)' }));
  }

  exportParticipant(
    participant: string,
    label: 'JSON' | 'Events CSV' | 'Answers CSV' | 'Tunes ABC',
  ): Promise<Download> {
    return this.download(this.data.getByRole('button', { name: new RegExp(`^${label} of ${participant} \\(`) }));
  }

  async openReplay(participant: string): Promise<void> {
    await this.data.getByRole('button', { name: new RegExp(`^Replay ${participant} \\(`) }).click();
    await this.replaySteps.waitFor();
  }

  /** Presses a key with the replay focused (the arrows, Home, End, Page Up/Down step it). */
  async replayKey(key: string): Promise<void> {
    await this.replaySteps.focus();
    await this.page.keyboard.press(key);
  }

  async clearAll(): Promise<void> {
    await this.data.getByRole('button', { name: 'Clear data on this device…' }).click();
    await this.data
      .getByRole('group', { name: 'Confirm clearing' })
      .getByRole('button', { name: 'Erase study data' })
      .click();
  }
}
