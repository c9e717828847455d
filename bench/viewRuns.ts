/**
 * Measurements of the interpretation views in Chromium (WASM): the leave-one-out reading the perturbation view
 * runs, and the nearest-neighbour query of each measure as the panel runs it.
 */
import type { Browser, Page } from 'playwright-core';
import { leaveOneOut } from '../src/explain/perturb';
import { NeighboursPanel } from '../e2e/pages/NeighboursPanel';
import { applySettings, generateOnce, openProbed, probeState, waitForModel } from './browser';

/** A 10-word prompt and a fixed 256-token jig: the reading does not depend on how the tune was made. */
export const READ_WORDS = 'a lively irish jig in d major for the fiddle'.split(' ');
const BARS = [
  ['D', '2', 'F', 'A', '2', 'F', '|'],
  ['d', '2', 'A', 'F', '2', 'A', '|'],
  ['G', '2', 'B', 'A', 'F', 'D', '|'],
  ['E', 'F', 'E', 'D', '3', '|'],
];
export function readTokens(length: number): string[] {
  const tokens = ['M:6/8', 'K:Dmaj'];
  for (let i = 0; tokens.length < length; i++) tokens.push(...BARS[i % BARS.length]);
  return tokens.slice(0, length);
}

export interface ReadRuns {
  readonly prompts: number;
  readonly tokens: number;
  /** Worker time of each measured reading, ms, once the reading helper had loaded. */
  readonly workerMs: number[];
  /** Main-thread time from request to reply, ms. */
  readonly wallMs: number[];
  /** Rows each runtime read, per measured reading: [here, helper] when the reading was shared. */
  readonly rowsPerRuntime: number[][];
  /** The page's first reading, which starts the reading helper and runs before it has loaded: worker ms. */
  readonly firstMs: number;
  /** Readings of the same batch that ran in one runtime before the helper took a share (the first included). */
  readonly readingsBeforeShared: number;
}

type HookReading = { ms: number; wallMs: number; totals: number[]; rowsPerRuntime: number[] } | { error: string };

/** Readings tried before giving up on the helper: its load takes about a second, each reading about half. */
const MAX_UNSHARED_READINGS = 10;

/** Pages opened with the test hook expose window.__apparatus, whose `read` is the views' own call. */
export async function openApp(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await openProbed(browser, `${baseUrl}/?backend=wasm`, false, true);
  await waitForModel(page, 120_000);
  return page;
}

/**
 * The leave-one-out batch, read first until the model worker's reading helper takes a share (the first reading of
 * a page starts the helper and runs alone; it is reported apart), then `repeats` times.
 */
export async function leaveOneOutRuns(browser: Browser, baseUrl: string, repeats: number): Promise<ReadRuns> {
  const page = await openApp(browser, baseUrl);
  try {
    const tokens = readTokens(256);
    const prompts = [READ_WORDS, ...leaveOneOut(READ_WORDS).map((p) => [...p.words])];
    const read = async () => {
      const r = (await page.evaluate(([p, t]) => window.__apparatus!.read(p, t), [
        prompts,
        tokens,
      ] as const)) as HookReading;
      if ('error' in r) throw new Error(r.error);
      if (r.totals.length !== prompts.length) throw new Error(`expected ${prompts.length} readings`);
      return r;
    };
    const first = await read();
    let unshared = 0;
    for (let r = first; r.rowsPerRuntime.length < 2; r = await read()) {
      if (++unshared >= MAX_UNSHARED_READINGS)
        throw new Error(`the reading helper took no share of ${unshared} readings`);
    }
    const runs = [];
    for (let i = 0; i < repeats; i++) runs.push(await read());
    return {
      prompts: prompts.length,
      tokens: tokens.length,
      workerMs: runs.map((r) => r.ms),
      wallMs: runs.map((r) => r.wallMs),
      rowsPerRuntime: runs.map((r) => r.rowsPerRuntime),
      firstMs: first.ms,
      readingsBeforeShared: unshared,
    };
  } finally {
    await page.context().close();
  }
}

export const NEIGHBOUR_MEASURES = [
  { measure: 'ngram', label: /melodic n-gram overlap/ },
  { measure: 'music', label: /music embedding/ },
  { measure: 'gradient', label: /gradient influence/ },
  { measure: 'text', label: /text embedding/ },
] as const;

export interface NeighbourRuns {
  readonly candidates: string;
  /** Length of each repeat's tune. */
  readonly tuneTokens: number[];
  /** Ranking time over the catalogue per measure, ms, one per repeat, as the panel measured it (data-query-ms). */
  readonly rankMs: Record<string, number[]>;
  /** The model worker's reading for each tune's query vectors (encoder + teacher-forced pass + sketch), ms. */
  readonly vectorsMs: number[];
  /** Where each of those went (encoder, reading, music and gradient arithmetic), as the worker timed it. */
  readonly vectorsSplit: Record<string, number>[];
  /** Per tune: whether the generation's own steps stood in for the reading. */
  readonly vectorsReused: boolean[];
}

/**
 * Per repeat, writes a new tune (seeds 1, 2, ...; rankings are cached per tune) and ranks it under every
 * measure, reading each ranking's time from the panel.
 */
export async function neighbourRuns(
  browser: Browser,
  baseUrl: string,
  repeats: number,
  prompt: string,
): Promise<NeighbourRuns> {
  const page = await openApp(browser, baseUrl);
  try {
    const panel = new NeighboursPanel(page);
    const rankMs: Record<string, number[]> = {};
    const tuneTokens: number[] = [];
    const vectorsMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await applySettings(page, { prompt, seed: i + 1, maxTokens: 256, fitBars: true });
      const done = await generateOnce(page, 120_000);
      tuneTokens.push(done.done?.tokens.length ?? 0);
      // Start from n-grams each time, so every vector measure below is a fresh ranking.
      await panel.useMeasure(NEIGHBOUR_MEASURES[0].label, 'ngram');
      for (const { measure, label } of NEIGHBOUR_MEASURES) {
        await panel.useMeasure(label, measure);
        (rankMs[measure] ??= []).push(Number(await panel.list.getAttribute('data-query-ms')));
      }
      vectorsMs.push(Number(await panel.list.getAttribute('data-vectors-ms')));
    }
    const probe = await probeState(page);
    return {
      vectorsSplit: probe.vectors.slice(-repeats).map((v) => v.split),
      vectorsReused: probe.vectors.slice(-repeats).map((v) => v.readingReused),
      candidates: (await panel.timing.textContent())?.match(/Ranked ([\d,]+) tunes/)?.[1] ?? '?',
      tuneTokens,
      rankMs,
      vectorsMs,
    };
  } finally {
    await page.context().close();
  }
}
