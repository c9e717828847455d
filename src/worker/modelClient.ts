import type { Reference } from '../music/excerpt';
import type { GenerationSettings } from '../runtime/decode';
import type { ReferenceTokens } from '../runtime/memory';
import { AsyncQueue } from './asyncQueue';
import type {
  AblateRequest,
  BackendPreference,
  CrashRequest,
  LoadedModelInfo,
  WorkerErrorCode,
  WorkerReply,
  WorkerReplyOf,
  VectorsRequest,
  WorkerRequest,
} from './protocol';

/** Errors come back as values; `worker-crashed` means the worker died while the request was open. */
export interface ClientError {
  readonly code: WorkerErrorCode | 'worker-crashed';
  readonly message: string;
  readonly file?: string;
  readonly expectedSha256?: string;
}
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ClientError };

export interface LoadOptions {
  readonly modelUrl: string;
  readonly ortUrl: string;
  readonly backend: BackendPreference;
  readonly numThreads: number;
  readonly testHooks: boolean;
}
export type LoadProgress = Omit<WorkerReplyOf<'progress'>, 'type' | 'id'>;
export type LoadStageProgress = Omit<WorkerReplyOf<'load-stage'>, 'type' | 'id'>;
export type ReadDone = Omit<WorkerReplyOf<'read-done'>, 'type' | 'id'>;
export interface ReadInput {
  readonly prompts: readonly (readonly string[])[];
  readonly tokens: readonly string[];
  readonly attentionFor: readonly number[];
  /** Parallel to `prompts`: each row's reference excerpts (music tokens); none when left out. */
  readonly references?: readonly ReferenceTokens[];
}
export type VectorsDone = Omit<WorkerReplyOf<'vectors-done'>, 'type' | 'id'>;
export type VectorsInput = Omit<VectorsRequest, 'type' | 'id'>;
export type AblateDone = Omit<WorkerReplyOf<'ablate-done'>, 'type' | 'id'>;
export type AblateInput = Omit<AblateRequest, 'type' | 'id'>;
export type GenerationDone = Omit<WorkerReplyOf<'done'>, 'type' | 'id'>;
/** A streamed token, or word that the generation started over (after a fallback to WASM). */
export type StreamEvent =
  | { readonly type: 'token'; readonly index: number; readonly token: string }
  | { readonly type: 'restart'; readonly reason: string };

export interface GenerateInput {
  readonly prompt: string;
  readonly prefix: readonly string[];
  readonly settings: GenerationSettings;
  /** Reference excerpts beside the prompt (0 to 3); none when left out. */
  readonly references?: readonly Reference[];
}
export interface GenerationHandle {
  readonly stream: AsyncIterable<StreamEvent>;
  readonly result: Promise<Result<GenerationDone>>;
  cancel(): void;
}

export interface ClientEvents {
  onProgress?(p: LoadProgress): void;
  /** A load moved on to preparing the model or warming it up (after its files arrived). */
  onStage?(s: LoadStageProgress): void;
  onNotice?(message: string): void;
  /** The model was loaded again by the client itself (after a worker restart or a backend fallback). */
  onReloaded?(result: Result<LoadedModelInfo>): void;
}

type Pending =
  | { kind: 'load'; request: WorkerRequest; resolve: (r: Result<LoadedModelInfo>) => void }
  | {
      kind: 'generate';
      input: GenerateInput;
      queue: AsyncQueue<StreamEvent>;
      resolve: (r: Result<GenerationDone>) => void;
    }
  | { kind: 'read'; resolve: (r: Result<ReadDone>) => void }
  | { kind: 'vectors'; resolve: (r: Result<VectorsDone>) => void }
  | { kind: 'ablate'; resolve: (r: Result<AblateDone>) => void };

const MAX_RESTARTS_PER_MINUTE = 3;
/** Decode steps take milliseconds (a second on a software WebGPU adapter); silence this long means a dead worker. */
const STALL_MS = 30_000;

/**
 * The page's handle on model.worker.ts: numbered requests, promises for results, an async iterable for
 * streamed tokens. It restarts a crashed worker and reloads the model, and moves from WebGPU to WASM when
 * WebGPU fails mid-run.
 */
export class ModelClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private lastLoad: LoadOptions | null = null;
  private restarts: number[] = [];
  /** When the worker last replied; a generation that hears nothing for STALL_MS means the worker is gone. */
  private lastReply = Date.now();
  private watchdog: ReturnType<typeof setInterval> | null = null;
  /** Set after too many crashes: requests then fail at once instead of going to a dead worker. */
  private stopped: string | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly events: ClientEvents = {},
  ) {
    this.worker = this.spawn();
  }

  load(options: LoadOptions): Promise<Result<LoadedModelInfo>> {
    // A worker that has imported one onnxruntime build keeps it; a new backend gets a fresh worker.
    if (this.lastLoad && this.lastLoad.backend !== options.backend && !this.stopped) {
      this.worker.terminate();
      this.failAll('The backend was changed; the model is loading again.');
      this.worker = this.spawn();
    }
    this.lastLoad = options;
    return new Promise((resolve) => {
      if (this.stopped) return resolve({ ok: false, error: { code: 'worker-crashed', message: this.stopped } });
      const request: WorkerRequest = { type: 'load', id: this.nextId++, ...options };
      this.pending.set(request.id, { kind: 'load', request, resolve });
      this.worker.postMessage(request);
    });
  }

  generate(input: GenerateInput): GenerationHandle {
    const queue = new AsyncQueue<StreamEvent>();
    let id = 0;
    const result = new Promise<Result<GenerationDone>>((resolve) => {
      id = this.sendGenerate(input, queue, resolve);
    });
    return {
      stream: queue,
      result,
      // The id changes if the generation is restarted on WASM; cancel whichever is current.
      cancel: () => this.post({ type: 'cancel', id: this.nextId++, target: this.currentId(queue) ?? id }),
    };
  }

  /** Reads fixed tokens under several prompts (teacher-forced); the worker runs it after any running generation. */
  read(input: ReadInput): Promise<Result<ReadDone>> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve({ ok: false, error: { code: 'worker-crashed', message: this.stopped } });
      const id = this.nextId++;
      this.pending.set(id, { kind: 'read', resolve });
      this.post({
        type: 'read',
        id,
        prompts: input.prompts.map((p) => [...p]),
        tokens: [...input.tokens],
        attentionFor: [...input.attentionFor],
        ...(input.references ? { references: input.references.map((row) => row.map((r) => [...r])) } : {}),
      });
    });
  }

  /** Each reference's ablation share of a tune (one batched reading); queued in the worker like a reading. */
  ablate(input: AblateInput): Promise<Result<AblateDone>> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve({ ok: false, error: { code: 'worker-crashed', message: this.stopped } });
      const id = this.nextId++;
      this.pending.set(id, { kind: 'ablate', resolve });
      this.post({
        type: 'ablate',
        id,
        prompt: [...input.prompt],
        tokens: [...input.tokens],
        references: input.references.map((r) => [...r]),
      });
    });
  }

  /** The neighbour measures' query vectors for one tune; queued in the worker like a reading. */
  vectors(input: VectorsInput): Promise<Result<VectorsDone>> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve({ ok: false, error: { code: 'worker-crashed', message: this.stopped } });
      const id = this.nextId++;
      this.pending.set(id, { kind: 'vectors', resolve });
      this.post({
        type: 'vectors',
        id,
        prompt: [...input.prompt],
        tokens: [...input.tokens],
        measures: [...input.measures],
        sketch: input.sketch,
      });
    });
  }

  /** A view that reads under several prompts has opened: see PrepareReadingsRequest. */
  prepareReadings(): void {
    this.post({ type: 'prepare-readings', id: this.nextId++ });
  }

  /** Test hook: see CrashRequest. */
  crash(mode: CrashRequest['mode']): void {
    this.post({ type: 'crash', id: this.nextId++, mode });
  }

  dispose(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.worker.terminate();
    this.failAll('The model worker was closed.');
  }

  private sendGenerate(
    input: GenerateInput,
    queue: AsyncQueue<StreamEvent>,
    resolve: (r: Result<GenerationDone>) => void,
  ): number {
    const id = this.nextId++;
    if (this.stopped) {
      queue.end();
      resolve({ ok: false, error: { code: 'worker-crashed', message: this.stopped } });
      return id;
    }
    this.pending.set(id, { kind: 'generate', input, queue, resolve });
    this.post({
      type: 'generate',
      id,
      prompt: input.prompt,
      prefix: [...input.prefix],
      settings: input.settings,
      references: (input.references ?? []).map((r) => ({ ...r, source: { ...r.source }, tokens: [...r.tokens] })),
    });
    this.lastReply = Date.now();
    this.watch();
    return id;
  }

  /** Notices a worker that died without an error event (it only runs while a generation is open). */
  private watch(): void {
    this.watchdog ??= setInterval(() => {
      const generating = [...this.pending.values()].some((p) => p.kind === 'generate');
      if (!generating) {
        clearInterval(this.watchdog!);
        this.watchdog = null;
      } else if (Date.now() - this.lastReply > STALL_MS) {
        this.restart(`the model worker stopped responding for ${STALL_MS / 1000} s`);
      }
    }, 1000);
  }

  private currentId(queue: AsyncQueue<StreamEvent>): number | undefined {
    for (const [id, p] of this.pending) if (p.kind === 'generate' && p.queue === queue) return id;
    return undefined;
  }

  private post(request: WorkerRequest): void {
    if (!this.stopped) this.worker.postMessage(request);
  }

  private spawn(): Worker {
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.restart(`the model worker crashed: ${e.message || 'unknown error'}`);
    };
    worker.onmessageerror = () => this.restart('the model worker sent a message that could not be read');
    return worker;
  }

  private receive(reply: WorkerReply): void {
    this.lastReply = Date.now();
    if (reply.type === 'notice') {
      this.events.onNotice?.(reply.message);
      return;
    }
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (p.kind === 'load') {
      if (reply.type === 'progress') this.events.onProgress?.(reply);
      else if (reply.type === 'load-stage')
        this.events.onStage?.({ stage: reply.stage, done: reply.done, total: reply.total });
      else if (reply.type === 'loaded') this.settle(reply.id, { ok: true, value: reply.info });
      else if (reply.type === 'error') this.settle(reply.id, { ok: false, error: reply });
      return;
    }
    if (p.kind === 'read' || p.kind === 'vectors' || p.kind === 'ablate') {
      if (reply.type === `${p.kind}-done`) {
        const { type: _t, id: _i, ...done } = reply as WorkerReplyOf<'read-done' | 'vectors-done' | 'ablate-done'>;
        this.settle(reply.id, { ok: true, value: done } as Result<ReadDone> | Result<VectorsDone> | Result<AblateDone>);
      } else if (reply.type === 'error') {
        this.settle(reply.id, { ok: false, error: reply });
        if (reply.fatal) this.restart(`the model runtime failed (${reply.message})`);
      }
      return;
    }
    if (reply.type === 'token') p.queue.push({ type: 'token', index: reply.index, token: reply.token });
    else if (reply.type === 'done') this.settle(reply.id, { ok: true, value: reply });
    else if (reply.type === 'error' && reply.code === 'backend') void this.fallBackToWasm(reply.id, reply.message);
    else if (reply.type === 'error') {
      this.settle(reply.id, { ok: false, error: reply });
      if (reply.fatal) this.restart(`the model runtime failed (${reply.message})`);
    }
  }

  private settle(
    id: number,
    result:
      Result<LoadedModelInfo> | Result<GenerationDone> | Result<ReadDone> | Result<VectorsDone> | Result<AblateDone>,
  ): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    const clean: Result<unknown> = result.ok
      ? result
      : {
          ok: false,
          error: {
            code: result.error.code,
            message: result.error.message,
            file: result.error.file,
            expectedSha256: result.error.expectedSha256,
          },
        };
    if (p.kind === 'generate') p.queue.end();
    (p.resolve as (r: Result<unknown>) => void)(clean);
  }

  private failAll(message: string): void {
    for (const id of [...this.pending.keys()])
      this.settle(id, { ok: false, error: { code: 'worker-crashed', message } });
  }

  /** Replaces a dead worker, fails the open generations and loads the model again on the new worker. */
  private restart(reason: string): void {
    this.worker.terminate();
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
    const openLoad = [...this.pending.values()].find((p) => p.kind === 'load');
    for (const [id, p] of this.pending) {
      if (p.kind === 'read' || p.kind === 'vectors')
        this.settle(id, { ok: false, error: { code: 'worker-crashed', message: `${reason}. The reading was lost.` } });
      else if (p.kind === 'generate')
        this.settle(id, {
          ok: false,
          error: {
            code: 'worker-crashed',
            message: `${reason}. The tune in progress was lost; the worker was restarted.`,
          },
        });
    }
    if (this.restarts.length > MAX_RESTARTS_PER_MINUTE) {
      this.stopped = `${reason}. It crashed ${this.restarts.length} times in a minute, so it was not restarted again; reload the page.`;
      this.failAll(this.stopped);
      this.events.onNotice?.(
        `${reason}. Too many crashes in a minute; the worker was not restarted. Reload the page to try again.`,
      );
      return;
    }
    this.worker = this.spawn();
    if (openLoad?.kind === 'load') {
      this.events.onNotice?.(`${reason}. The worker was restarted and is loading the model again.`);
      this.post(openLoad.request);
    } else if (this.lastLoad) {
      this.events.onNotice?.(
        `${reason}. The worker was restarted and is reloading the model; your tune, settings and history are kept.`,
      );
      void this.load(this.lastLoad).then((r) => {
        if (r.ok) this.events.onNotice?.('The model is loaded again after the worker restart.');
        this.events.onReloaded?.(r);
      });
    }
  }

  /** WebGPU failed inside a generation: reload on WASM in a fresh worker and start that tune again. */
  private async fallBackToWasm(id: number, why: string): Promise<void> {
    const p = this.pending.get(id);
    if (p?.kind !== 'generate' || !this.lastLoad) return;
    this.pending.delete(id);
    const reason = `WebGPU failed during generation (${why}); fell back to WASM`;
    this.events.onNotice?.(`${reason}. The tune is being written again on WASM.`);
    // A different backend than the last load: load() replaces the worker.
    const loaded = await this.load({ ...this.lastLoad, backend: 'wasm' });
    const result: Result<LoadedModelInfo> = loaded.ok
      ? { ok: true, value: { ...loaded.value, backendReason: reason } }
      : loaded;
    this.events.onReloaded?.(result);
    if (!loaded.ok) {
      p.queue.end();
      p.resolve(loaded);
      return;
    }
    p.queue.push({ type: 'restart', reason });
    this.sendGenerate(p.input, p.queue, p.resolve);
  }
}
