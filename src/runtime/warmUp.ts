import type { Vocab } from '../tokenizer/vocab';
import { DEFAULT_SETTINGS, generate } from './decode';
import type { TuneModelRunner } from './modelTypes';

const PROMPTS = ['a lively reel in D major', 'a slow air in A minor', 'a jig in G'];

/**
 * Decode steps the model worker's idle warm-up takes at most: about two tunes. onnxruntime's WebAssembly starts on
 * V8's baseline tier and its hot functions are optimised only after enough calls, so without it the first tunes of
 * a visit ran at up to twice the time of later ones (`npm run bench`: the 256-token rows, first of a visit and in a
 * row).
 */
export const IDLE_WARM_UP_STEPS = 512;

/**
 * Writes throwaway tunes at the default settings until `steps` decode steps are done or `signal` aborts, which it
 * heeds before every step. Returns the steps taken. For running a fresh runtime's code paths until they are hot.
 */
export async function warmUp(
  runner: TuneModelRunner,
  vocab: Vocab,
  steps: number,
  signal: AbortSignal,
): Promise<number> {
  let done = 0;
  for (let i = 0; done < steps && !signal.aborted; i++) {
    const prompt = vocab.encodePrompt(PROMPTS[i % PROMPTS.length]);
    const settings = { ...DEFAULT_SETTINGS, seed: i + 1, maxTokens: steps - done };
    const tune = await generate(runner, vocab, prompt, [], settings, { signal });
    done += tune.timings.stepMs.length;
  }
  return done;
}
