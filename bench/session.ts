import type { Browser } from 'playwright-core';
import { IDLE_WARM_UP_STEPS } from '../src/runtime/warmUp';
import {
  adapterInfo,
  applySettings,
  generateOnce,
  launchChromium,
  openProbed,
  probeState,
  waitForModel,
} from './browser';
import { loadAverage, type LoadAverage } from './machine';
import { nodeRuns, type NodeRuns } from './nodeRuns';
import { measurePageLoad, type PageLoad } from './pageLoad';
import type { BenchServer } from './server';
import { heatmapHoverRuns, type HoverRuns } from './heatmapHover';
import { runCatalogueScale, type CatalogueScale } from './catalogueScaleRun';
import { promptMemory, runtimeAloneRuns, type RuntimeAloneRuns } from './runtimeAlone';
import { leaveOneOutRuns, neighbourRuns, type NeighbourRuns, type ReadRuns } from './viewRuns';
import type { ProbeGeneration, ProbeState } from './pageProbe';

/** Seconds a person might still be typing after the model is ready, for the first-tune-of-a-visit figure. */
export const PAUSE_MS = 3000;

export interface BenchOptions {
  /** Each timed figure is measured this many times; the table shows the median. */
  readonly repeats: number;
  readonly prompt: string;
  /** Length of the WASM tune. */
  readonly maxTokens: number;
  /** Skip WebGPU entirely (it takes the longest). */
  readonly webgpu: boolean;
  /** Length of the WebGPU tune, shorter: a software adapter is about 100 times slower than WASM. */
  readonly webgpuTokens: number;
}

export interface BrowserRuns {
  readonly info: NonNullable<ProbeState['info']>;
  readonly runs: readonly ProbeGeneration[];
  /** From the model's `loaded` to the first Generate, ms, where one page wrote every run. */
  readonly readyToFirstGenerateMs?: number;
}

export type WebGpuRuns =
  | ({ readonly available: true; readonly adapter: { fallback: boolean; description: string } } & BrowserRuns)
  | { readonly available: false; readonly reason: string };

/**
 * One bench run: the server's URL, a browser, and the measurements several figures share (each made once,
 * on first use). A new figure reads these or adds its own measurement here.
 */
export class BenchSession {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly browsers: Browser[] = [];
  /** Load average when each measurement started, since the machine is shared. */
  readonly loadAverages: Record<string, LoadAverage> = {};

  readonly baseUrl: string;

  constructor(
    readonly server: BenchServer,
    readonly options: BenchOptions,
  ) {
    this.baseUrl = server.url;
  }

  /** Runs `make` once per key; every figure asking for the key gets the same result. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) {
      this.loadAverages[key] = loadAverage();
      this.memo.set(key, make());
    }
    return this.memo.get(key) as Promise<T>;
  }

  /** Everything measured so far, for bench.json (failed measurements are left out). */
  async raw(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [key, p] of this.memo) out[key] = await p.catch((e: unknown) => ({ error: String(e) }));
    return out;
  }

  browser(): Promise<Browser> {
    return this.once('browser', async () => {
      const b = await launchChromium(false);
      this.browsers.push(b);
      return b;
    });
  }

  async chromiumVersion(): Promise<string> {
    return (await this.browser()).version();
  }

  node(): Promise<NodeRuns> {
    return this.once('node', () => nodeRuns(this.options.prompt, this.options.maxTokens, this.options.repeats));
  }

  pageLoads(): Promise<PageLoad[]> {
    return this.once('pageLoads', async () => {
      const browser = await this.browser();
      const loads: PageLoad[] = [];
      for (let i = 0; i < this.options.repeats; i++)
        loads.push(await measurePageLoad(browser, this.baseUrl, this.server.responses));
      return loads;
    });
  }

  /** The Node side's full-length seed, decoded in Chromium on WASM, `repeats` times on one warm page. */
  wasmRuns(): Promise<BrowserRuns> {
    return this.once('wasm', async () => {
      const { settings, prompt } = await this.node();
      const page = await openProbed(await this.browser(), `${this.baseUrl}/?backend=wasm`, false);
      try {
        const info = await waitForModel(page, 120_000);
        await applySettings(page, {
          prompt,
          seed: settings.seed,
          maxTokens: settings.maxTokens,
          fitBars: settings.fitBars,
        });
        const runs: ProbeGeneration[] = [];
        for (let i = 0; i < this.options.repeats; i++) runs.push(await generateOnce(page, 120_000));
        const { loadedAt } = await probeState(page);
        return { info, runs, readyToFirstGenerateMs: loadedAt === null ? undefined : runs[0].sentAt - loadedAt };
      } finally {
        await page.context().close();
      }
    });
  }

  /**
   * The first tune of a visit as a person gets it: a fresh page per run, the settings typed in once the model is
   * ready, then PAUSE_MS more (the rest of the typing) before Generate. The app uses idle time after the load.
   */
  wasmFirstAfterPauseRuns(): Promise<BrowserRuns> {
    return this.once('wasmFirstAfterPause', async () => {
      const { settings, prompt } = await this.node();
      const runs: ProbeGeneration[] = [];
      let info: BrowserRuns['info'] | null = null;
      for (let i = 0; i < this.options.repeats; i++) {
        const page = await openProbed(await this.browser(), `${this.baseUrl}/?backend=wasm`, false);
        try {
          info = await waitForModel(page, 120_000);
          await applySettings(page, {
            prompt,
            seed: settings.seed,
            maxTokens: settings.maxTokens,
            fitBars: settings.fitBars,
          });
          await page.waitForTimeout(PAUSE_MS);
          runs.push(await generateOnce(page, 120_000));
        } finally {
          await page.context().close();
        }
      }
      return { info: info!, runs };
    });
  }

  /** The decoder stepped by onnxruntime-web alone in a Chromium worker, with the WASM tunes' shapes. */
  runtimeAlone(): Promise<RuntimeAloneRuns> {
    return this.once('runtimeAlone', async () => {
      const { settings, prompt } = await this.node();
      return runtimeAloneRuns(await this.browser(), this.baseUrl, {
        batch: settings.guidance === 1 ? 1 : 2,
        memory: promptMemory(prompt),
        steps: this.options.maxTokens,
        warmSteps: IDLE_WARM_UP_STEPS,
        repeats: this.options.repeats,
      });
    });
  }

  leaveOneOut(): Promise<ReadRuns> {
    return this.once('leaveOneOut', async () =>
      leaveOneOutRuns(await this.browser(), this.baseUrl, this.options.repeats),
    );
  }

  neighbours(): Promise<NeighbourRuns> {
    return this.once('neighbours', async () =>
      neighbourRuns(await this.browser(), this.baseUrl, this.options.repeats, this.options.prompt),
    );
  }

  heatmapHover(): Promise<HoverRuns> {
    return this.once('heatmapHover', async () => heatmapHoverRuns(await this.browser(), this.baseUrl));
  }

  /** Synthetic catalogues ranked in a child Node process (bench/catalogueScale.ts), so its memory is its own. */
  catalogueScale(): Promise<CatalogueScale> {
    return this.once('catalogueScale', async () => runCatalogueScale());
  }

  /** The same prompt and seed on WebGPU, in a Chromium started with --enable-unsafe-webgpu, at a shorter length. */
  webgpuRuns(): Promise<WebGpuRuns> {
    return this.once('webgpu', async (): Promise<WebGpuRuns> => {
      if (!this.options.webgpu) return { available: false, reason: 'skipped (--no-webgpu)' };
      const { settings, prompt } = await this.node();
      const browser = await launchChromium(true);
      this.browsers.push(browser);
      try {
        const page = await openProbed(browser, `${this.baseUrl}/?backend=webgpu`, false);
        const adapter = await adapterInfo(page);
        if (!adapter) return { available: false, reason: 'Chromium offers no WebGPU adapter here' };
        const info = await waitForModel(page, 300_000);
        if (info.backend !== 'webgpu') return { available: false, reason: info.backendReason };
        const maxTokens = this.options.webgpuTokens;
        await applySettings(page, { prompt, seed: settings.seed, maxTokens, fitBars: settings.fitBars });
        const runs: ProbeGeneration[] = [];
        for (let i = 0; i < this.options.repeats; i++) runs.push(await generateOnce(page, 300_000));
        return { available: true, adapter, info, runs };
      } finally {
        await browser.close();
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.browsers.map((b) => b.close().catch(() => undefined)));
  }
}
