import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUT_DIR } from './server';
import { PAUSE_MS, type BenchSession, type BrowserRuns } from './session';
import { lateOverEarly, lateOverEarlyMedian, median, spread, type Spread } from './stats';
import type { ServedResponse } from './pageLoad';
import { VIEW_FIGURES } from './viewFigures';
import { loadBreakdown } from './loadBreakdown';
import type { ProbeGeneration } from './pageProbe';
import { STEP_SPLIT_FIGURES } from './stepSplit';

export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
}

/** A measured figure: the median over the repeats, with the repeats themselves. */
export interface Reading {
  readonly value: number;
  readonly spread?: Spread;
  readonly note?: string;
}
/** A figure that could not be measured on this machine, and why. */
export interface Skipped {
  readonly skipped: string;
}

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly target?: Target;
  /** Absent for a placeholder: the figure prints "not measured yet" until someone adds this function. */
  readonly measure?: (bench: BenchSession) => Promise<Reading | Skipped>;
}

const MB = 1e6;
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const stepMs = (g: ProbeGeneration) => [...(g.done?.timings.stepMs ?? [])];
const generated = (g: ProbeGeneration) => g.done?.tokens.length ?? 0;
const gaps = (xs: readonly number[]) => xs.slice(1).map((x, i) => x - xs[i]);

function fromRuns(runs: readonly number[], note?: string): Reading {
  const s = spread(runs);
  return { value: s.median, spread: s, note };
}

function tuneNote(b: BrowserRuns, what: string): string {
  const g = b.runs[0];
  const s = g.settings as { seed: number; guidance: number; fitBars: boolean };
  const counts = [...new Set(b.runs.map(generated))].join('/');
  return (
    `${what}: ${counts} tokens generated (stopped: ${g.done?.stopped}), prompt "${g.prompt}", seed ${s.seed}, ` +
    `guidance ${s.guidance}, ${s.fitBars ? 'fitted bars' : 'free bars'}, ` +
    (b.info.backend === 'wasm' ? `${b.info.numThreads} WASM thread(s)` : `backend ${b.info.backend}`)
  );
}

/**
 * Bytes of a first visit until the model is ready, counted from the server's own log of what it wrote (headers
 * and bodies, brotli where the browser accepts it). Resource Timing is kept as a cross-check only: in a worker
 * it can miss the model files.
 */
async function bytesBeforeReady(bench: BenchSession): Promise<Reading> {
  const loads = await bench.pageLoads();
  const served = (l: (typeof loads)[number]) => l.servedBeforeReady.reduce((a, r) => a + r.bytes, 0);
  const timing = (l: (typeof loads)[number]) => l.beforeReady.reduce((a, t) => a + t.transfer, 0);
  const first = loads[0];
  const largest = [...first.servedBeforeReady]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 4)
    .map((r) => `${r.path} ${fmt(r.bytes / MB)} MB${r.encoding ? ` (${r.encoding})` : ''}`)
    .join(', ');
  return fromRuns(
    loads.map((l) => served(l) / MB),
    `counted by the server (${first.servedBeforeReady.length} responses, headers included, as ${bench.server.name} ` +
      `wrote them); largest: ${largest}. Resource Timing in the page and its workers saw ` +
      `${loads.map((l) => fmt(timing(l) / MB)).join(', ')} MB on the same loads, which is why it is not the count ` +
      `of record. A host that gzips every response would send about ${fmt(gzipEstimate(first.servedBeforeReady) / MB)} MB ` +
      `(gzip -6 bodies of the same built files, computed here, not measured over the network)`,
  );
}

/** Bytes if every file sent whole were gzipped instead (bodies only); other responses count as the server sent them. */
function gzipEstimate(responses: readonly ServedResponse[]): number {
  return responses.reduce((total, r) => {
    const path = decodeURIComponent(r.path);
    const file = join(OUT_DIR, path.endsWith('/') ? `${path}index.html` : path);
    if (r.status !== 200 || !existsSync(file)) return total + r.bytes;
    return total + gzipSync(readFileSync(file), { level: 6 }).length;
  }, 0);
}

async function loadToFirstToken(bench: BenchSession): Promise<Reading> {
  const loads = await bench.pageLoads();
  const ready = median(loads.map((l) => l.navToReadyMs)) / 1000;
  return fromRuns(
    loads.map((l) => l.navToFirstTokenMs / 1000),
    `fresh context, WASM, default settings; the model was ready (warm-up included) at a median ${fmt(ready)} s ` +
      `and Generate was clicked then. Where the time went, as the page heard of each step of the load: ` +
      `${loadBreakdown(loads)}; first token ${fmt(median(loads.map((l) => l.navToFirstTokenMs)) / 1000)} s`,
  );
}

async function wasmTotal(bench: BenchSession): Promise<Reading> {
  const b = await bench.wasmRuns();
  const totals = b.runs.map((g) => g.done!.timings.totalMs / 1000);
  return fromRuns(
    totals,
    `${tuneNote(b, 'worker-side total (prompt encoding + every step)')}; one page, Generate pressed as soon as the ` +
      `settings were typed in after the model was ready, and again at each tune's end: ${totals.map((t) => fmt(t)).join(', ')} s ` +
      'in that order (the first tunes of a page run on code V8 has not optimised yet: Generate stops the idle ' +
      `warm-up, here ${b.readyToFirstGenerateMs === undefined ? '?' : fmt(b.readyToFirstGenerateMs / 1000)} s ` +
      'after the model was ready)',
  );
}

async function wasmFirstAfterPause(bench: BenchSession): Promise<Reading> {
  const b = await bench.wasmFirstAfterPauseRuns();
  return fromRuns(
    b.runs.map((g) => g.done!.timings.totalMs / 1000),
    tuneNote(b, `a fresh page per run, Generate pressed ${PAUSE_MS / 1000} s after the settings were typed in`),
  );
}

async function wasmRate(bench: BenchSession): Promise<Reading> {
  const b = await bench.wasmRuns();
  return fromRuns(b.runs.map((g) => g.done!.timings.tokensPerSecond));
}

async function webgpu(bench: BenchSession, pick: (g: ProbeGeneration) => number): Promise<Reading | Skipped> {
  const b = await bench.webgpuRuns();
  if (!b.available) return { skipped: b.reason };
  const kind = b.adapter.fallback ? 'software fallback adapter' : 'hardware adapter';
  return fromRuns(
    b.runs.map(pick),
    `${kind} (${b.adapter.description}); ${tuneNote(b, `shortened to ${bench.options.webgpuTokens} tokens`)}`,
  );
}

async function lateEarly(bench: BenchSession): Promise<Reading> {
  const b = await bench.wasmRuns();
  const arrival = b.runs.map((g) => lateOverEarly(gaps(g.tokenAt), 50));
  const byMedian = b.runs.map((g) => lateOverEarlyMedian(stepMs(g), 50));
  const node = (await bench.node()).runs;
  const list = (xs: readonly number[]) => xs.map((x) => fmt(x)).join(', ');
  return fromRuns(
    b.runs.map((g) => lateOverEarly(stepMs(g), 50)),
    `mean decode step time (worker) of the last 50 tokens over the first 50. Per run, the same ratio of ` +
      `medians: ${list(byMedian)}; from gaps between token messages on the page: ${list(arrival)}; ` +
      `onnxruntime-node on the same tune, means: ${list(node.map((r) => lateOverEarly(r.stepMs, 50)))}, ` +
      `medians: ${list(node.map((r) => lateOverEarlyMedian(r.stepMs, 50)))}`,
  );
}

const browserStep = async (bench: BenchSession) => (await bench.wasmRuns()).runs.map((g) => median(stepMs(g)));
const nodeStep = async (bench: BenchSession) => (await bench.node()).runs.map((r) => r.medianStepMs);

async function browserOverNode(bench: BenchSession): Promise<Reading> {
  const [b, n] = [await browserStep(bench), await nodeStep(bench)];
  const ratios = b.map((x, i) => x / n[i]);
  return fromRuns(
    ratios,
    `median step time, run i in Chromium over run i in Node; same model, prompt, seed and settings, one thread each. ` +
      `In the order the tunes were written in one page: ${ratios.map((r) => fmt(r)).join(', ')}`,
  );
}

async function nodeStepReading(bench: BenchSession): Promise<Reading> {
  const node = await bench.node();
  const counts = [...new Set(node.runs.map((r) => r.tokens))].join('/');
  return fromRuns(await nodeStep(bench), `onnxruntime-node, ${counts} tokens, per-run median step`);
}

/** Every figure of bench.md, in order. Placeholders have no `measure` yet. */
export const FIGURES: readonly Figure[] = [
  {
    id: 'bytes-before-first-generation',
    label: 'Bytes transferred before the first generation (fresh load, empty cache, until the model is ready)',
    unit: 'MB',
    target: { op: '<=', value: 8 },
    measure: bytesBeforeReady,
  },
  {
    id: 'load-to-first-token',
    label: 'Page load (navigation start) to the first streamed token',
    unit: 's',
    target: { op: '<=', value: 1.5 },
    measure: loadToFirstToken,
  },
  {
    id: 'wasm-256-total',
    label: 'WASM: time for a 256-token tune, guidance on',
    unit: 's',
    target: { op: '<=', value: 1.0 },
    measure: wasmTotal,
  },
  { id: 'wasm-256-rate', label: 'WASM: tokens per second, same tune', unit: 'tokens/s', measure: wasmRate },
  {
    id: 'wasm-256-first-after-pause',
    label: 'WASM: time for the same tune as the first of a visit, a pause after the model is ready',
    unit: 's',
    measure: wasmFirstAfterPause,
  },
  {
    id: 'webgpu-total',
    label: 'WebGPU: time for the (shortened) tune, guidance on',
    unit: 's',
    measure: (b) => webgpu(b, (g) => g.done!.timings.totalMs / 1000),
  },
  {
    id: 'webgpu-rate',
    label: 'WebGPU: tokens per second, same tune',
    unit: 'tokens/s',
    measure: (b) => webgpu(b, (g) => g.done!.timings.tokensPerSecond),
  },
  {
    id: 'wasm-latency-late-over-early',
    label: 'WASM: per-token latency, last 50 tokens ÷ first 50 tokens',
    unit: '×',
    target: { op: '<=', value: 1.15 },
    measure: lateEarly,
  },
  {
    id: 'browser-over-node-step',
    label: 'Per-step time, Chromium WASM ÷ onnxruntime-node (same run)',
    unit: '×',
    target: { op: '<=', value: 2.5 },
    measure: browserOverNode,
  },
  {
    id: 'browser-step-median',
    label: 'Per-step time, Chromium WASM (median)',
    unit: 'ms',
    measure: async (b) => fromRuns(await browserStep(b), 'per-run median of the worker step times'),
  },
  { id: 'node-step-median', label: 'Per-step time, onnxruntime-node (median)', unit: 'ms', measure: nodeStepReading },
  ...STEP_SPLIT_FIGURES,
  {
    id: 'leave-one-out-reading',
    label: 'Leave-one-out likelihood reading, 10-word prompt, 256-token tune (Chromium, WASM)',
    unit: 's',
    target: { op: '<=', value: 0.5 },
    measure: async (b) => {
      const r = await b.leaveOneOut();
      return fromRuns(
        r.workerMs.map((ms) => ms / 1000),
        `${r.prompts} prompts (the prompt and its ${r.prompts - 1} leave-one-out variants) x ${r.tokens} tokens, rows per runtime ${[...new Set(r.rowsPerRuntime.map((x) => x.join('+')))].join(', ')} (the model worker and its reading helper); request to reply on the page: median ${fmt(median(r.wallMs) / 1000)} s. The page's first reading starts the helper and runs in one runtime: ${fmt(r.firstMs / 1000)} s; ${r.readingsBeforeShared} reading(s) ran before the helper took a share`,
      );
    },
  },
  {
    id: 'nearest-neighbour-query',
    label: 'Nearest-neighbour query over the whole catalogue, slowest measure (Chromium)',
    unit: 'ms',
    target: { op: '<=', value: 20 },
    measure: async (b) => {
      const r = await b.neighbours();
      const medians = Object.entries(r.rankMs).map(([m, runs]) => [m, median(runs)] as const);
      const [slowest] = [...medians].sort((x, y) => y[1] - x[1]);
      return fromRuns(
        r.rankMs[slowest[0]],
        `ranking ${r.candidates} training tunes in the neighbour worker, one new tune per run ` +
          `(${r.tuneTokens.join('/')} tokens); median per measure: ` +
          medians.map(([m, ms]) => `${m} ${fmt(ms, 1)} ms`).join(', '),
      );
    },
  },
  {
    id: 'neighbour-query-vectors',
    label:
      'Neighbour query vectors of a tune just written: the model worker’s part (encoder, reading, gradient sketch)',
    unit: 'ms',
    target: { op: '<=', value: 100 },
    measure: async (b) => {
      const r = await b.neighbours();
      const parts = ['encoderMs', 'readingMs', 'musicMs', 'gradientMs'].map(
        (k) => `${k.replace('Ms', '')} ${fmt(median(r.vectorsSplit.map((x) => x[k] ?? NaN)), 1)} ms`,
      );
      return fromRuns(
        r.vectorsMs,
        `once per tune on show, in the background after it is written; same tunes. Median split in the worker: ` +
          `${parts.join(', ')}. The reading (the tune under the prompt and under the empty prompt) came from the ` +
          `generation's own steps in ${r.vectorsReused.filter(Boolean).length} of ${r.vectorsReused.length} tunes; ` +
          `otherwise it is one batched teacher-forced decoder pass`,
      );
    },
  },
  ...VIEW_FIGURES,
];
