import { loadNodeModel } from '../cli/nodeModel';
import { DEFAULT_SETTINGS, generate, type GenerationSettings } from '../src/runtime/decode';
import { median } from './stats';

export interface NodeRun {
  readonly tokens: number;
  readonly stopped: string;
  readonly totalMs: number;
  readonly medianStepMs: number;
  readonly stepMs: readonly number[];
}

export interface NodeRuns {
  readonly settings: GenerationSettings;
  readonly prompt: string;
  /** Seeds tried (in order) before one ran to the token limit. */
  readonly seedsTried: readonly { seed: number; fitBars: boolean; tokens: number }[];
  readonly runs: readonly NodeRun[];
}

/**
 * onnxruntime-node on the same model (one thread, as in the browser). First finds a seed whose tune runs to
 * `maxTokens` without ending (fitted bars first, then free bars, as `--free-bars`), so that the browser runs
 * time a full-length tune; then decodes it `repeats` more times.
 */
export async function nodeRuns(prompt: string, maxTokens: number, repeats: number): Promise<NodeRuns> {
  const model = await loadNodeModel();
  const encoded = model.vocab.encodePrompt(prompt);
  const run = async (settings: GenerationSettings): Promise<NodeRun> => {
    const r = await generate(model.runner, model.vocab, encoded, [], settings);
    const { stepMs, totalMs } = r.timings;
    return { tokens: r.tokens.length, stopped: r.stopped, totalMs, medianStepMs: median(stepMs), stepMs };
  };
  const seedsTried: { seed: number; fitBars: boolean; tokens: number }[] = [];
  let chosen: GenerationSettings | null = null;
  search: for (const fitBars of [true, false]) {
    for (let seed = 1; seed <= 16; seed++) {
      const settings = { ...DEFAULT_SETTINGS, seed, maxTokens, fitBars };
      const r = await run(settings);
      seedsTried.push({ seed, fitBars, tokens: r.tokens });
      if (r.tokens >= maxTokens) {
        chosen = settings;
        break search;
      }
    }
  }
  // No seed reached the limit: time the longest tune found, and say so through the token counts.
  if (!chosen) {
    const longest = seedsTried.reduce((a, b) => (b.tokens > a.tokens ? b : a));
    chosen = { ...DEFAULT_SETTINGS, maxTokens, seed: longest.seed, fitBars: longest.fitBars };
  }
  const runs: NodeRun[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await run(chosen));
  return { settings: chosen, prompt, seedsTried, runs };
}
