import type { StepSplit } from '../src/worker/protocol';
import type { Figure, Reading } from './figures';
import type { BenchSession } from './session';
import { spread } from './stats';

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
];
