import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ApparatusTestHook, TestState } from '../src/app/testHook';
import type { Reference } from '../src/music/excerpt';
import { ControlsPanel } from './pages/ControlsPanel';
import { ExportPanel } from './pages/ExportPanel';
import { GenerateBar } from './pages/GenerateBar';
import { HistoryPanel } from './pages/HistoryPanel';
import { ManifestCheckPanel } from './pages/ManifestCheckPanel';
import { PlayerPanel } from './pages/PlayerPanel';
import { PromptPanel } from './pages/PromptPanel';
import { ScorePanel } from './pages/ScorePanel';

type LastGeneration = NonNullable<ReturnType<ApparatusTestHook['lastGeneration']>>;

/** The app under test: its regions as page objects, plus the typed `window.__apparatus` hook. */
export class App {
  readonly prompt: PromptPanel;
  readonly controls: ControlsPanel;
  readonly generateBar: GenerateBar;
  readonly score: ScorePanel;
  readonly player: PlayerPanel;
  readonly history: HistoryPanel;
  readonly exports: ExportPanel;
  readonly manifestCheck: ManifestCheckPanel;

  constructor(readonly page: Page) {
    this.prompt = new PromptPanel(page);
    this.controls = new ControlsPanel(page);
    this.generateBar = new GenerateBar(page);
    this.score = new ScorePanel(page);
    this.player = new PlayerPanel(page);
    this.history = new HistoryPanel(page);
    this.exports = new ExportPanel(page);
    this.manifestCheck = new ManifestCheckPanel(page);
  }

  async open(query = 'backend=wasm'): Promise<void> {
    await this.page.goto(`/?${query}`);
  }

  state(): Promise<TestState> {
    return this.page.evaluate(() => window.__apparatus!.state());
  }

  lastGeneration(): Promise<LastGeneration | null> {
    return this.page.evaluate(() => window.__apparatus!.lastGeneration());
  }

  async waitForModel(): Promise<TestState['model']> {
    await this.page.waitForFunction(
      () => {
        const s = window.__apparatus?.state();
        return s !== undefined && (s.model.ready || s.model.error !== null);
      },
      null,
      { timeout: 60_000 },
    );
    return (await this.state()).model;
  }

  async openReady(query?: string): Promise<void> {
    await this.open(query);
    const model = await this.waitForModel();
    expect(model.error, 'model load error').toBeNull();
  }

  /** Waits until a generation started after `previousId` has finished and is the current tune. */
  async waitForTune(previousId: string | null = null): Promise<NonNullable<TestState['current']>> {
    await this.page.waitForFunction(
      (prev) => {
        const s = window.__apparatus!.state();
        return !s.streaming && s.current !== null && s.current.id !== prev;
      },
      previousId,
      { timeout: 60_000 },
    );
    return (await this.state()).current!;
  }

  /** A teacher-forced reading through the model worker, as the views ask for one. */
  read(prompts: string[][], tokens: string[]): ReturnType<ApparatusTestHook['read']> {
    return this.page.evaluate(([p, t]) => window.__apparatus!.read(p, t), [prompts, tokens] as const);
  }

  /** Sets the references the next generations read through the hook, bypassing the chooser and its consent checks. */
  async setReferences(references: readonly Reference[]): Promise<void> {
    await this.page.evaluate((refs) => window.__apparatus!.setReferences(refs), [...references]);
  }

  /** Clicks Generate and returns the finished tune. */
  async generate(): Promise<NonNullable<TestState['current']>> {
    const before = (await this.state()).current?.id ?? null;
    await this.generateBar.generateButton.click();
    return this.waitForTune(before);
  }
}

const markE2E = (page: Page) =>
  page.addInitScript(() => {
    window.__APPARATUS_E2E__ = true;
  });

export const test = base.extend<{ app: App }>({
  app: async ({ page }, use) => {
    await markE2E(page);
    await use(new App(page));
  },
});

/** The app, ready, in a fresh browser profile (as for a colleague sent a file): nothing stored, nothing cached. */
export async function freshProfileApp(browser: Browser): Promise<{ context: BrowserContext; page: Page; app: App }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await markE2E(page);
  const app = new App(page);
  await app.openReady();
  return { context, page, app };
}

export { expect };
