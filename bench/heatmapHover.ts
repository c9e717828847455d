/**
 * Attention-map hover in Chromium with the real component: a tune of the model's longest length (510 tokens;
 * the 512 less <s> and </s>; see setUp) under a 32-word prompt, the map set to one row per token (510 x 32), and the pointer moved across it by Playwright's mouse (real input
 * events) one row at a time. For each move the page records, on its main thread:
 * - work: the time from the mousemove reaching the page until the app's hover line changed (handlers and the
 *   React render), plus the rendering work (style, layout, paint) of the frame that shows it;
 * - latency: the time from the mousemove until that frame was drawn, idle waits for the next frame included.
 * The pointer crosses the map twice: at once, while the page's background work of a first visit still runs (the
 * offline copy installing, the neighbour indexes loading), and again once the offline copy is installed and the
 * page has been quiet for SETTLE_MS. The second pass measures the view itself.
 */
import type { Browser, Page } from 'playwright-core';
import { ViewsPanel } from '../e2e/pages/ViewsPanel';
import { LATEST_MS } from '../src/app/installSchedule';
import { SETTING_RANGES } from '../src/runtime/decode';
import { ScorePanel } from '../e2e/pages/ScorePanel';
import { tokensToAbc } from '../src/tokenizer/musicTokens';
import { applySettings, generateOnce } from './browser';
import { openApp, readTokens } from './viewRuns';

export const HOVER_WORDS = (
  'a lively irish jig in d major for the fiddle with a bright and bouncy tune that ' +
  'dances along in a happy mood played fast at a session of old reels and jigs'
)
  .split(' ')
  .slice(0, 32);

/** Per move, ms. */
export interface HoverPass {
  readonly workMs: number[];
  readonly latencyMs: number[];
}

export interface HoverRuns extends HoverPass {
  readonly rows: number;
  readonly cols: number;
  readonly tokens: number;
  /** Rows the viewport showed, over which the pointer moved. */
  readonly reachableRows: number;
  /** The first pass, while the page's background work still ran. */
  readonly busy: HoverPass;
}

/** Quiet time after the offline copy is installed, before the second pass. */
const SETTLE_MS = 2000;
/** Longest wait for the offline copy to install: its latest start, then half a minute for the install itself. */
const INSTALL_WAIT_MS = LATEST_MS + 30_000;

/** Installed on the page as text: functions handed to the page must not depend on the bundler. */
const PROBE = `(() => {
  const out = { work: [], latency: [], pending: null, reset() { out.work = []; out.latency = []; out.pending = null; } };
  window.__hover = out;
  const hint = document.querySelector('[data-testid="attention-hover"]');
  addEventListener('mousemove', () => {
    out.pending = { start: performance.now(), committed: null };
  }, { capture: true });
  new MutationObserver(() => {
    const p = out.pending;
    if (!p || p.committed !== null) return;
    p.committed = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        out.work.push(p.committed - p.start + (painted - frame));
        out.latency.push(painted - p.start);
        out.pending = null;
      };
      channel.port2.postMessage(0);
    });
  }).observe(hint, { childList: true, characterData: true, subtree: true });
})()`;

/** The longest tune the model reads: max_music (512) less <s> and </s> (SETTING_RANGES.maxTokens.max). */
const LONGEST = SETTING_RANGES.maxTokens.max;

/**
 * The model rarely writes to its limit before </s>, so the long tune is typed in: a short tune is written
 * under the prompt, then its ABC is replaced (Apply edit) by a 510-token jig, which the map reads under the
 * same prompt. Returns the length of the tune on show.
 */
async function setUp(page: Page, prompt: string): Promise<number> {
  await applySettings(page, { prompt, seed: 1, maxTokens: 16, fitBars: true });
  await generateOnce(page, 120_000);
  const score = new ScorePanel(page);
  await score.abcText.fill(tokensToAbc(readTokens(LONGEST), { title: 'Hover bench' }));
  await score.applyEdit.click();
  await page.waitForFunction((n) => (window.__apparatus?.state().current?.tokens.length ?? 0) >= n - 8, LONGEST, {
    timeout: 60_000,
  });
  return (await page.evaluate(() => window.__apparatus!.state().current!.tokens.length)) as number;
}

export async function heatmapHoverRuns(browser: Browser, baseUrl: string, moves = 120): Promise<HoverRuns> {
  const page = await openApp(browser, baseUrl);
  try {
    const tokens = await setUp(page, HOVER_WORDS.join(' '));
    const views = new ViewsPanel(page);
    await views.open('Cross-attention map');
    const view = views.attention;
    await view.settings.getByLabel('Rows').selectOption('token');
    await view.label.filter({ hasText: `${tokens} tokens` }).waitFor({ timeout: 120_000 });
    const label = (await view.label.textContent()) ?? '';
    const cols = Number(/× (\d+) word/.exec(label)?.[1] ?? NaN);
    await view.map.scrollIntoViewIfNeeded();
    const box = (await view.map.boundingBox())!;
    const d = await view.map.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    const [left, top, cellW, cellH] = [d.left, d.top, d.cellW, d.cellH].map(Number);
    const viewport = page.viewportSize()!;
    await page.evaluate(PROBE);
    const rows = tokens;
    // Rows on screen: the pointer can only reach what the viewport shows.
    const firstRow = Math.max(0, Math.ceil((-box.y - top) / cellH));
    const lastRow = Math.min(rows - 1, Math.floor((viewport.height - box.y - top) / cellH) - 1);
    const reachable = Math.max(1, lastRow - firstRow + 1);
    const pass = async (): Promise<HoverPass> => {
      await page.evaluate('window.__hover.reset()');
      for (let i = 0; i < moves; i++) {
        // Down the rows and across the columns, a different cell every move.
        const row = firstRow + ((i * 37) % reachable);
        const col = i % Math.max(1, cols);
        await page.mouse.move(box.x + left + (col + 0.5) * cellW, box.y + top + (row + 0.5) * cellH);
        await page
          .waitForFunction(
            (n) => ((window as unknown as { __hover: { work: number[] } }).__hover.work.length ?? 0) > n,
            i,
            { timeout: 5_000, polling: 'raf' },
          )
          .catch(() => undefined); // a move that changed nothing (same cell) records nothing
      }
      const r = (await page.evaluate('window.__hover')) as { work: number[]; latency: number[] };
      if (r.work.length < moves / 2) throw new Error(`only ${r.work.length} of ${moves} hover moves were measured`);
      return { workMs: r.work, latencyMs: r.latency };
    };
    const busy = await pass();
    // The offline copy installs at the visit's first pause, LATEST_MS at the latest; a page where it never does is
    // reported, not waited on forever.
    const installed = await page.evaluate(
      (ms) =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
        ]),
      INSTALL_WAIT_MS,
    );
    if (!installed) throw new Error(`the offline copy did not install within ${INSTALL_WAIT_MS / 1000} s`);
    await page.waitForTimeout(SETTLE_MS);
    return { rows, cols, tokens, reachableRows: reachable, ...(await pass()), busy };
  } finally {
    await page.context().close();
  }
}
