import type { Download, Locator, Page } from '@playwright/test';

export class ExportPanel {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('export-panel');
  }

  button(kind: 'ABC' | 'MIDI' | 'WAV'): Locator {
    return this.root.getByRole('button', { name: kind === 'WAV' ? /^(WAV|Rendering…)$/ : kind, exact: kind !== 'WAV' });
  }

  async download(kind: 'ABC' | 'MIDI' | 'WAV'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button(kind).click()]);
    return download;
  }
}
