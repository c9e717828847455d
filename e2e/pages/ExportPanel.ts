import type { Download, Locator, Page } from '@playwright/test';

export class ExportPanel {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('export-panel');
  }

  button(kind: 'ABC' | 'MIDI' | 'WAV'): Locator {
    return this.root.getByRole('button', { name: kind === 'WAV' ? /^(WAV|Rendering…)$/ : kind, exact: kind !== 'WAV' });
  }

  /** The exported file (the manifest that follows it is left to the browser). */
  async download(kind: 'ABC' | 'MIDI' | 'WAV'): Promise<Download> {
    return (await this.downloadWithManifest(kind)).file;
  }

  /** The exported file and its sidecar manifest, saved one after the other by one click. */
  async downloadWithManifest(kind: 'ABC' | 'MIDI' | 'WAV'): Promise<{ file: Download; manifest: Download }> {
    const downloads: Download[] = [];
    const both = new Promise<void>((resolve) => {
      const take = (d: Download) => {
        downloads.push(d);
        if (downloads.length === 2) {
          this.page.off('download', take);
          resolve();
        }
      };
      this.page.on('download', take);
    });
    await this.button(kind).click();
    await both;
    const manifest = downloads.find((d) => d.suggestedFilename().endsWith('.c2pa.json'));
    const file = downloads.find((d) => d !== manifest);
    if (!manifest || !file)
      throw new Error(
        `expected a file and its manifest, got ${downloads.map((d) => d.suggestedFilename()).join(', ')}`,
      );
    return { file, manifest };
  }

  /** The line saying what the last export saved. */
  get saved(): Locator {
    return this.root.getByRole('status');
  }
}
