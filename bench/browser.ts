import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { ControlsPanel } from '../e2e/pages/ControlsPanel';
import { GenerateBar } from '../e2e/pages/GenerateBar';
import { PromptPanel } from '../e2e/pages/PromptPanel';
import { probeScript, type ProbeGeneration, type ProbeState } from './pageProbe';

const EXECUTABLE = CHROMIUM_PATH;
const ARGS = CHROMIUM_ARGS;

export function launchChromium(webgpu: boolean): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: webgpu ? [...ARGS, '--enable-unsafe-webgpu'] : ARGS });
}

/** A fresh context (empty HTTP cache) with the probe installed, at the app with the given query. */
export async function openProbed(
  browser: Browser,
  url: string,
  autoGenerate: boolean,
  testHook = false,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addInitScript({ content: probeScript(autoGenerate) });
  // The app's test hook (window.__apparatus and the panels' timing attributes) answers only to this flag.
  if (testHook) await context.addInitScript({ content: 'window.__APPARATUS_E2E__ = true;' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export const probeState = (page: Page): Promise<ProbeState> => page.evaluate('window.__bench') as Promise<ProbeState>;

/** Waits for the model to be loaded (warm-up included) and returns what the worker said about it. */
export async function waitForModel(page: Page, timeoutMs: number): Promise<NonNullable<ProbeState['info']>> {
  // Predicates are functions, not strings: the app's Content-Security-Policy forbids evaluating strings.
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench: ProbeState }).__bench;
      return b.loadedAt !== null || b.loadError !== null;
    },
    null,
    { timeout: timeoutMs, polling: 50 },
  );
  const s = await probeState(page);
  if (!s.info) throw new Error(`the model did not load: ${s.loadError}`);
  return s.info;
}

/** The adapter Chromium offers, as the page sees it (null without one). */
export function adapterInfo(page: Page): Promise<{ fallback: boolean; description: string } | null> {
  return page.evaluate(`(async () => {
    const a = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
    if (!a) return null;
    const i = a.info || {};
    return { fallback: Boolean(i.isFallbackAdapter ?? a.isFallbackAdapter),
      description: [i.vendor, i.architecture, i.description].filter(Boolean).join(' ') || 'unnamed adapter' };
  })()`) as Promise<{ fallback: boolean; description: string } | null>;
}

export interface RunSettings {
  readonly prompt: string;
  readonly seed: number;
  readonly maxTokens: number;
  readonly fitBars: boolean;
}

/** Sets the prompt and settings through the controls, as a person would. */
export async function applySettings(page: Page, s: RunSettings): Promise<void> {
  await new PromptPanel(page).fill(s.prompt);
  const controls = new ControlsPanel(page);
  await controls.quick(s.seed, s.maxTokens);
  await controls.fitBars.setChecked(s.fitBars);
}

/** Clicks Generate and waits until the worker's reply for that generation has arrived. */
export async function generateOnce(page: Page, timeoutMs: number): Promise<ProbeGeneration> {
  const before = (await probeState(page)).generations.length;
  await new GenerateBar(page).generateButton.click();
  await page.waitForFunction(
    (i) => {
      const g = (window as unknown as { __bench: ProbeState }).__bench.generations[i];
      return g !== undefined && g.doneAt !== null;
    },
    before,
    { timeout: timeoutMs, polling: 100 },
  );
  const run = (await probeState(page)).generations[before];
  if (run.error || !run.done) throw new Error(`generation failed: ${run.error}`);
  return run;
}
