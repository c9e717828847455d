import type { Locator, Page } from '@playwright/test';

type FileInput = string | { name: string; mimeType: string; buffer: Buffer };

export class ManifestCheckPanel {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('manifest-check-panel');
  }

  chooseManifest(file: FileInput): Promise<void> {
    return this.root.getByLabel('Manifest').setInputFiles(file);
  }

  chooseFile(file: FileInput): Promise<void> {
    return this.root.getByLabel('Exported file').setInputFiles(file);
  }

  /** The hash check's verdict, passed or failed. */
  get hashCheck(): Locator {
    return this.root.getByText(/^Hash check (passed|failed)/);
  }

  get errors(): Locator {
    return this.root.getByRole('alert');
  }

  /** The first place in the claims that shows `text`. */
  claim(text: string | RegExp): Locator {
    return this.root.getByText(text).first();
  }
}
