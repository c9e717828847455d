import type { StepSplit } from '../src/worker/protocol';
import type { Figure, Reading } from './figures';
import type { BenchSession } from './session';
import { lateOverEarly, median, spread } from './stats';

/**
 * Where a Chromium WASM decode step's time goes, from the worker's own per-step timings of the bench's WASM
 * tunes (each figure: the median over the tunes of the mean per step).
 */
async function part(bench: BenchSession, pick: (s: StepSplit) => number): Promise<Reading> {
  const { runs } = await bench.wasmRuns();
  const splits = runs.flatMap((g) => (g.done?.timings.split ? [g.done.timings.split] : []));
  if (!splits.length) throw new Error('the worker reported no step split');
  const s = spread(splits.map(pick));
  const total = spread(splits.map((x) => x.runMs + x.feedMs + x.sampleMs)).median;
  return {
    value: s.median,
    spread: s,
    note: `${((100 * s.median) / total).toFixed(0)}% of a ${total.toFixed(2)} ms step (same tunes as the WASM rows)`,
  };
}

async function runtimeAloneNote(bench: BenchSession): Promise<string> {
  const r = await bench.runtimeAlone();
  return (
    `onnxruntime-web in a Chromium worker stepping the shipped decoder through ${r.steps} positions, ${r.batch} rows, ` +
    `${r.memory} memory columns, after ${r.warmSteps} warm-up steps; no app code (bench/runtimeAlone/loop.js)`
  );
}

export const STEP_SPLIT_FIGURES: readonly Figure[] = [
  {
    id: 'wasm-step-run',
    label: 'WASM step split: inside onnxruntime-web run (inputs into the heap, kernels, outputs out)',
    unit: 'ms',
    measure: (b) => part(b, (s) => s.runMs),
  },
  {
    id: 'wasm-step-feed',
    label: 'WASM step split: building inputs, appending the cache, yielding to the worker event loop',
    unit: 'ms',
    measure: (b) => part(b, (s) => s.feedMs),
  },
  {
    id: 'wasm-step-sample',
    label: 'WASM step split: guidance, grammar and sampling',
    unit: 'ms',
    measure: (b) => part(b, (s) => s.sampleMs),
  },
  {
    id: 'runtime-alone-step',
    label: 'Per-step time, onnxruntime-web alone in Chromium, the same decoder and shapes (median)',
    unit: 'ms',
    measure: async (b) => {
      const runs = (await b.runtimeAlone()).runs.map(median);
      const app = median((await b.wasmRuns()).runs.map((g) => g.done!.timings.meanStepMs));
      return {
        value: median(runs),
        spread: spread(runs),
        note: `${await runtimeAloneNote(b)}; the app's mean step in the WASM rows: ${app.toFixed(2)} ms`,
      };
    },
  },
  {
    id: 'runtime-alone-over-node',
    label: 'Per-step time, onnxruntime-web alone in Chromium ÷ onnxruntime-node (same run)',
    unit: '×',
    measure: async (b) => {
      const alone = (await b.runtimeAlone()).runs.map(median);
      const node = (await b.node()).runs.map((r) => r.medianStepMs);
      const ratios = alone.map((x, i) => x / node[i]);
      return {
        value: median(ratios),
        spread: spread(ratios),
        note: `run i alone over run i in Node; ${await runtimeAloneNote(b)}`,
      };
    },
  },
  {
    id: 'runtime-alone-late-over-early',
    label: 'Per-step time, onnxruntime-web alone in Chromium, last 50 steps ÷ first 50',
    unit: '×',
    measure: async (b) => {
      const ratios = (await b.runtimeAlone()).runs.map((ms) => lateOverEarly(ms, 50));
      return {
        value: median(ratios),
        spread: spread(ratios),
        note: `mean step of the last 50 over the first 50; ${await runtimeAloneNote(b)}`,
      };
    },
  },
];
