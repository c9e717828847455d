import type { Browser, Page } from 'playwright-core';
import type { SentResponse } from '../server/staticServer';
import { openProbed, probeState, waitForModel } from './browser';
import type { ProbeState } from './pageProbe';

/** One response as Resource Timing saw it; times are absolute (ms since the epoch). */
export interface Transfer {
  readonly url: string;
  /** Bytes on the wire: headers plus the (possibly compressed) body; 0 when served from cache. */
  readonly transfer: number;
  /** Body bytes as sent (compressed when the server compressed it). */
  readonly encoded: number;
  /** Body bytes after decompression. */
  readonly decoded: number;
  readonly endAt: number;
}

/** The server's own log of one response (see server/staticServer.ts). */
export type ServedResponse = SentResponse;

export interface PageLoad {
  readonly navToReadyMs: number;
  readonly navToClickMs: number;
  readonly navToFirstTokenMs: number;
  /** When the page heard of each step of the model's load (main-thread time, so 0 is the navigation start). */
  readonly loadMarks: ProbeState['loadMarks'];
  /**
   * What the server wrote between navigation and the model reporting itself loaded: the byte count of record,
   * since it sees every request, the worker's included, whatever the page's Resource Timing reports.
   */
  readonly servedBeforeReady: readonly ServedResponse[];
  /** Cross-check: what Resource Timing (page and workers) says finished arriving before the model was ready. */
  readonly beforeReady: readonly Transfer[];
  /** Responses that arrived between the model being ready and the first token. */
  readonly afterReady: readonly Transfer[];
  /** Cross-check: Playwright's own count of response bytes (it reads a worker's script body as 0). */
  readonly playwrightBytes: number;
  readonly backend: string;
  readonly modelSha256: string;
}

const ENTRIES = `(() => {
  const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return all.map((e) => ({ url: e.name, transfer: e.transferSize, encoded: e.encodedBodySize,
    decoded: e.decodedBodySize, endAt: performance.timeOrigin + e.responseEnd }));
})()`;

/** Resource Timing of the page and of its workers (the model worker fetches the model and the runtime). */
async function transfers(page: Page): Promise<Transfer[]> {
  const lists = await Promise.all([
    page.evaluate(ENTRIES) as Promise<Transfer[]>,
    ...page.workers().map((w) => w.evaluate(ENTRIES) as Promise<Transfer[]>),
  ]);
  return lists.flat();
}

/**
 * A first visit: a fresh context (empty cache) opens the app on WASM; the probe clicks Generate as soon as the
 * model is ready. Times are main-thread performance.now() readings, so 0 is the navigation start.
 */
export async function measurePageLoad(
  browser: Browser,
  baseUrl: string,
  served: readonly ServedResponse[],
): Promise<PageLoad> {
  const page = await openProbed(browser, `${baseUrl}/?backend=wasm`, true);
  let playwrightBytes = 0;
  page.context().on('requestfinished', (r) => {
    r.sizes().then(
      (s) => (playwrightBytes += s.responseBodySize + s.responseHeadersSize),
      () => undefined, // the context closed first
    );
  });
  try {
    const info = await waitForModel(page, 120_000);
    await page.waitForFunction(
      () => ((window as unknown as { __bench: ProbeState }).__bench.generations[0]?.tokenAt.length ?? 0) > 0,
      null,
      { timeout: 60_000, polling: 50 },
    );
    const s = await probeState(page);
    const origin = (await page.evaluate('performance.timeOrigin')) as number;
    const ready = origin + s.loadedAt!;
    const all = await transfers(page);
    return {
      servedBeforeReady: served.filter((r) => r.at >= origin && r.at <= ready),
      navToReadyMs: s.loadedAt!,
      navToClickMs: s.clickAt!,
      navToFirstTokenMs: s.generations[0].tokenAt[0],
      loadMarks: s.loadMarks,
      beforeReady: all.filter((t) => t.endAt <= ready),
      afterReady: all.filter((t) => t.endAt > ready),
      playwrightBytes,
      backend: info.backend,
      modelSha256: info.modelSha256,
    };
  } finally {
    await page.context().close();
  }
}
