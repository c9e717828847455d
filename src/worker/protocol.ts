import type { AblationResult } from '../explain/ablation';
import type { SketchSpec } from '../explain/gradient';
import type { NeighbourMeasure } from '../explain/neighbours';
import type { QueryTimings } from '../explain/neighboursQuery';
import type { Reference } from '../music/excerpt';
import type { GenerationSettings } from '../runtime/decode';
import type { ReferenceTokens } from '../runtime/memory';
import type { MemoryLayout, MemoryShape } from '../runtime/modelTypes';

/**
 * Typed messages between the page and model.worker.ts, and between the model worker and its reading helper
 * (reader.worker.ts). Requests carry an id; every reply echoes it.
 */

export const BACKENDS = ['webgpu', 'wasm'] as const;
export type Backend = (typeof BACKENDS)[number];
export type BackendPreference = Backend | 'auto';

export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  /** Base URL of the model folder, e.g. `${import.meta.env.BASE_URL}models/`. */
  readonly modelUrl: string;
  /** Base URL of the onnxruntime-web .mjs/.wasm files, e.g. `${import.meta.env.BASE_URL}ort/`. */
  readonly ortUrl: string;
  readonly backend: BackendPreference;
  /** WASM threads; 0 lets the worker choose. More than 1 needs cross-origin isolation. */
  readonly numThreads: number;
  /** Honour the `crash` request (set only by the e2e tests). */
  readonly testHooks: boolean;
}

export interface GenerateRequest {
  readonly type: 'generate';
  readonly id: number;
  readonly prompt: string;
  /** Music tokens to continue from (empty for a fresh tune). */
  readonly prefix: readonly string[];
  readonly settings: GenerationSettings;
  /** Reference excerpts the model reads beside the prompt (0 to 3; none when left out). */
  readonly references?: readonly Reference[];
}

export interface CancelRequest {
  readonly type: 'cancel';
  readonly id: number;
  /** Id of the generate request to stop. */
  readonly target: number;
}

/**
 * A view that reads a tune under several prompts is open: the model worker may start its reading helper now, so
 * the view's first reading is shared too. No reply.
 */
export interface PrepareReadingsRequest {
  readonly type: 'prepare-readings';
  readonly id: number;
}

/**
 * Test hook, honoured only when the load request set `testHooks`. `throw` raises an uncaught error in the
 * worker (as a WASM abort would); `webgpu-fail` makes the next WebGPU generation fail mid-run.
 */
export interface CrashRequest {
  readonly type: 'crash';
  readonly id: number;
  readonly mode: 'throw' | 'webgpu-fail';
}

/**
 * Teacher-forced reading of fixed tune tokens under several prompts, in one batched decoder pass: the
 * log-probability of each token (then </s>) per prompt, and the cross-attention where asked for.
 */
export interface ReadRequest {
  readonly type: 'read';
  readonly id: number;
  /** Prompts as word lists (already tokenized); an empty list reads under the <none> prompt. */
  readonly prompts: readonly (readonly string[])[];
  readonly tokens: readonly string[];
  /** Indices into `prompts` whose cross-attention should come back (attention is large; ask only for what is shown). */
  readonly attentionFor: readonly number[];
  /** Parallel to `prompts`: each row's reference excerpts as music tokens. None for any row when left out. */
  readonly references?: readonly ReferenceTokens[];
  /**
   * Pads the memory at least this wide. The model worker sets it on the rows it hands its reading helper, so both
   * parts have the layout of the whole reading.
   */
  readonly memoryAtLeast?: MemoryShape;
}

/**
 * The query vectors of the nearest-training-example measures for one tune: the prompt's text embedding, the
 * tune's music embedding and its gradient sketch (see src/explain/neighboursQuery.ts).
 */
export interface VectorsRequest {
  readonly type: 'vectors';
  readonly id: number;
  /** The prompt's words (already tokenized); empty for none. */
  readonly prompt: readonly string[];
  readonly tokens: readonly string[];
  readonly measures: readonly NeighbourMeasure[];
  /** The catalogue's sketch parameters (from neighbours.json), needed for the gradient measure. */
  readonly sketch: SketchSpec | null;
}

/**
 * Reference ablation of a fixed tune: one batched teacher-forced reading under the prompt with all the
 * references, without each one and with none (src/explain/ablationReadings.ts, the CLI's code too).
 */
export interface AblateRequest {
  readonly type: 'ablate';
  readonly id: number;
  /** The prompt's words (already tokenized); empty reads under the <none> prompt. */
  readonly prompt: readonly string[];
  readonly tokens: readonly string[];
  /** The references the tune was written with, as music tokens (1 to 3). */
  readonly references: ReferenceTokens;
}

export type WorkerRequest =
  | LoadRequest
  | GenerateRequest
  | CancelRequest
  | CrashRequest
  | ReadRequest
  | VectorsRequest
  | AblateRequest
  | PrepareReadingsRequest;

/** One prompt's reading of the tune in a `read` reply. */
export interface PromptReading {
  /** log p(token_i | prompt, tokens before i), natural log, one per tune token and then one for </s>. */
  readonly logProbs: Float64Array;
  readonly total: number;
  /** (S, L, H, M) cross-attention, S = tokens + 1, row-major; null unless asked for. Transferred. */
  readonly crossAttention: Float32Array | null;
  /** Which of the M columns are this prompt's words and which its references' tokens. */
  readonly memory: MemoryLayout;
}

export interface LoadedModelInfo {
  readonly backend: Backend;
  /** Why the backend was chosen, e.g. "WebGPU adapter is a software fallback". */
  readonly backendReason: string;
  /** WASM threads in use (1 on WebGPU, where the WASM side only runs the CPU fallback ops). */
  readonly numThreads: number;
  /**
   * The model's identity in history and provenance: SHA-256 over the card's files, one "name sha256\n" line
   * each (encoder, decoder, vocab), so any changed file changes it.
   */
  readonly modelSha256: string;
  readonly vocab: { readonly music: readonly string[]; readonly text: readonly string[] };
  readonly card: unknown;
  readonly warmupMs: number;
  /** Mean decode step time of the warm-up, in ms. */
  readonly warmupStepMs: number;
}

/** What failed, so the page can word the message and decide what stays usable. */
export type WorkerErrorCode =
  | 'model-file' // a model file is missing or does not match its hash
  | 'load' // the runtime could not create a session
  | 'backend' // the WebGPU backend failed while running; the page falls back to WASM
  | 'generate' // generation failed (bad prefix, impossible constraint, ...)
  | 'read' // a teacher-forced reading or a query-vector request failed (unknown token, tune too long, ...)
  | 'not-loaded'
  | 'busy';

export interface GenerationTimings {
  readonly firstTokenMs: number;
  readonly totalMs: number;
  readonly tokensPerSecond: number;
  readonly meanStepMs: number;
  /** Each decode step's time in ms, in order (read by `npm run bench`). */
  readonly stepMs?: readonly number[];
  /** Where a step's time went, in ms per step, mean over the tune (read by `npm run bench`). */
  readonly split?: StepSplit;
}

export interface StepSplit {
  /** Inside the runtime's `run`: the inputs copied in, the kernels, the fetched outputs copied out. */
  readonly runMs: number;
  /** Building the inputs and appending the cache, and the yield to the worker's event loop before each step. */
  readonly feedMs: number;
  /** Guidance, the grammar's allowed set and sampling. */
  readonly sampleMs: number;
}

/**
 * What a model load is doing after the files have arrived, in order: pick the backend, load the runtime,
 * build the encoder and decoder sessions, then a short warm-up decode.
 */
export const LOAD_STAGES = ['backend', 'runtime', 'encoder', 'decoder', 'warm-up'] as const;
export type LoadStage = (typeof LOAD_STAGES)[number];

export type WorkerReply =
  | {
      readonly type: 'load-stage';
      readonly id: number;
      readonly stage: LoadStage;
      /** Steps done and planned within the stage (the warm-up's decode steps); absent where a stage is one step. */
      readonly done?: number;
      readonly total?: number;
    }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly file: string;
      readonly loaded: number;
      readonly total: number;
      /** Bytes over every model file, for one overall bar. */
      readonly allLoaded: number;
      readonly allTotal: number;
    }
  | { readonly type: 'loaded'; readonly id: number; readonly info: LoadedModelInfo }
  | {
      readonly type: 'token';
      readonly id: number;
      readonly index: number;
      readonly token: string;
    }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly tokens: readonly string[];
      readonly prefixLength: number;
      readonly abc: string;
      readonly stopped: 'end' | 'max-tokens' | 'cancelled';
      readonly words: readonly string[];
      readonly unknownWords: readonly string[];
      readonly truncated: number;
      /** The references the tune was written with, as requested (empty for none). */
      readonly references: readonly Reference[];
      /** The cross-attention columns: words, then each reference's tokens. */
      readonly memory: MemoryLayout;
      readonly timings: GenerationTimings;
      readonly backend: Backend;
    }
  | {
      readonly type: 'read-done';
      readonly id: number;
      /** One per prompt, in request order. */
      readonly readings: readonly PromptReading[];
      readonly layers: number;
      readonly heads: number;
      /** Word columns T of the attention arrays (the longest prompt, or 1 for <none>). */
      readonly textLength: number;
      /** All columns M of the attention arrays: T, then the longest row's reference tokens. */
      readonly memoryLength: number;
      /** Wall time of the reading in the worker. */
      readonly ms: number;
      /** Rows read by each runtime: [all] in one, [here, helper] when the reading helper took a share. */
      readonly rowsPerRuntime: readonly number[];
      readonly backend: Backend;
    }
  | {
      readonly type: 'vectors-done';
      readonly id: number;
      /** Each null when not asked for or not computable (no prompt for the text measure). Transferred. */
      readonly textEmbedding: Float32Array | null;
      readonly musicEmbedding: Float32Array | null;
      readonly gradientSketch: Float32Array | null;
      readonly ms: number;
      /** Where `ms` went: encoder, batched reading, and the arithmetic of each vector after it. */
      readonly split: QueryTimings;
      /** True when the tune's own generation had read it already, so no reading ran (`StepReading`). */
      readonly readingReused: boolean;
      readonly backend: Backend;
    }
  | {
      readonly type: 'ablate-done';
      readonly id: number;
      /** Each reference's log-likelihood drop and share. */
      readonly result: AblationResult;
      readonly ms: number;
      readonly backend: Backend;
    }
  | { readonly type: 'notice'; readonly id: number; readonly message: string }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly code: WorkerErrorCode;
      readonly message: string;
      /** The runtime is broken (a WASM abort): the page should replace the worker and load the model again. */
      readonly fatal?: boolean;
      readonly file?: string;
      readonly expectedSha256?: string;
    };

export type WorkerReplyOf<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;
