import type {
  DecoderSession,
  MemoryShape,
  RowReferences,
  StepOptions,
  StepOutput,
  TuneModelRunner,
} from '../runtime/modelTypes';

/** Resolves on a fresh macrotask, so messages queued for the worker (a cancel) run between decode steps. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Wraps a runner so each decode step first yields to the event loop (onnxruntime's run can resolve without
 * one, which would starve a cancel request). `failAfter` is the e2e hook that makes a step fail as a lost
 * WebGPU device would.
 */
export class YieldingRunner implements TuneModelRunner {
  /** Steps left before an injected failure; null for none. */
  failAfter: number | null = null;

  constructor(private readonly inner: TuneModelRunner) {}

  get card() {
    return this.inner.card;
  }

  encode(prompt: Int32Array): Promise<Float32Array> {
    if (!this.inner.encode) return Promise.reject(new Error('this runner does not expose the encoder memory'));
    return this.inner.encode(prompt);
  }

  async start(
    prompts: readonly Int32Array[],
    references?: readonly RowReferences[],
    atLeast?: MemoryShape,
  ): Promise<DecoderSession> {
    const session = await this.inner.start(prompts, references, atLeast);
    const step = async (tokens: readonly Int32Array[], options?: StepOptions): Promise<StepOutput> => {
      await nextTask();
      if (this.failAfter !== null && this.failAfter-- <= 0) {
        this.failAfter = null;
        throw new Error('injected WebGPU failure (test hook)');
      }
      return session.step(tokens, options);
    };
    return {
      step,
      get pastLength() {
        return session.pastLength;
      },
      dispose: () => session.dispose(),
    };
  }
}
