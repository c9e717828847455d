import { ablationReadings } from '../explain/ablationReadings';
import { neighbourQueryVectors } from '../explain/neighboursQuery';
import { promptIds } from '../explain/occlusionReadings';
import { MAX_REFERENCES } from '../music/excerpt';
import { DEFAULT_SETTINGS, generate, type StepReading, type StreamedToken } from '../runtime/decode';
import type { ModelCard } from '../runtime/modelTypes';
import { loadPlan, RuntimeSectionError, type GraphName, type LoadPlan } from '../runtime/runtimeFiles';
import { unpackWeights, WeightPackError, type ExternalData } from '../runtime/weightPack';
import { OrtTuneModel } from '../runtime/ortRunner';
import { memoryShape } from '../runtime/memory';
import { readTune } from '../runtime/score';
import { IDLE_WARM_UP_STEPS, warmUp } from '../runtime/warmUp';
import { Vocab, type VocabJson } from '../tokenizer/vocab';
import { chooseBackend } from './backend';
import { fetchCard, fetchVerified, ModelFileError, REBUILD_HINT, sha256Hex } from './modelFiles';
import { createSession, importOrt } from './ortLoader';
import { startRuntime } from './runtimeProbe';
import type {
  AblateRequest,
  Backend,
  CrashRequest,
  GenerateRequest,
  LoadedModelInfo,
  LoadRequest,
  LoadStage,
  PromptReading,
  ReadRequest,
  VectorsRequest,
  WorkerReply,
} from './protocol';
import { ReadingHelper, type HelperPort } from './readingHelper';
import { mergeParts, planSplit, rowsRequest, type ReadPart, type ReadSplit, type RowsRequest } from './readSplit';
import { YieldingRunner } from './yieldingRunner';

type Post = (reply: WorkerReply, transfer?: Transferable[]) => void;

interface Loaded {
  readonly runner: YieldingRunner;
  readonly vocab: Vocab;
  readonly backend: Backend;
  readonly release: () => Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** After an Emscripten abort the WASM instance is unusable; only a fresh worker recovers. */
const isFatal = (e: unknown) => e instanceof WebAssembly.RuntimeError || /\babort/i.test(message(e));

/** The files to load, or a ModelFileError naming the card when its runtime section is unusable. */
function planFor(card: ModelCard, backend: Backend): LoadPlan {
  try {
    return loadPlan(card, backend);
  } catch (e) {
    if (!(e instanceof RuntimeSectionError)) throw e;
    throw new ModelFileError(`model-card.json: ${e.message}. ${REBUILD_HINT}`, 'model-card.json');
  }
}

/** A weight pack's float32 file, or a ModelFileError naming the pack. */
function unpacked(name: string, bytes: Uint8Array): ExternalData {
  try {
    return unpackWeights(bytes);
  } catch (e) {
    if (!(e instanceof WeightPackError)) throw e;
    throw new ModelFileError(`${name} ${e.message}. ${REBUILD_HINT}`, name);
  }
}

/** Throws a RangeError naming the problem when the model cannot read these tokens. */
function checkReadable(model: Loaded, tokens: readonly string[]): void {
  const unknown = tokens.filter((t) => !model.vocab.hasMusic(t));
  if (unknown.length) throw new RangeError(`the model does not know the token(s) ${[...new Set(unknown)].join(', ')}`);
  const room = model.runner.card.config.max_music - 1;
  if (tokens.length > room)
    throw new RangeError(`the tune has ${tokens.length} tokens; the model reads at most ${room}`);
}

/**
 * Decode steps of the warm-up before the model is reported loaded: the first runs every kernel once and sizes the
 * buffers; the idle warm-up after the load does the rest. A/B, 4 rounds of 5 fresh loads, page load to first token
 * (bench --only load-to-first-token): median 1.53 s with 2 steps, 1.60 s with 8, 2 steps faster in every round.
 */
const WARM_UP_TOKENS = 2;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
/** Reading helpers started per model load at most: one crash is retried, a second leaves readings in one worker. */
const HELPER_STARTS = 2;

export interface EngineOptions {
  /** Decode throwaway tunes after a load until the first request (the model worker; not its reading helper). */
  readonly idleWarmUp?: boolean;
  /** Starts a reading helper's worker (readingHelper.ts); none for the helper itself or where workers can't nest. */
  readonly readingHelper?: () => HelperPort;
}

/** The worker's state: one loaded model and at most one running generation. */
export class Engine {
  private model: Loaded | null = null;
  private running: { id: number; abort: AbortController } | null = null;
  private testHooks = false;
  /** Counts load requests, so a load overtaken by a newer one gives way. */
  private loads = 0;
  /** What the last generation's steps read: the neighbour vectors of that tune need no reading of their own. */
  private lastReading: StepReading | null = null;
  /** Generations and readings share one session set; each waits for the one before it to finish. */
  private tail: Promise<unknown> = Promise.resolve();
  /** The idle warm-up under way, if any; every request stops it before queueing. */
  private idle: AbortController | null = null;
  /** The second runtime that takes a share of large readings, once a reading has been asked for (WASM only). */
  private helper: ReadingHelper | null = null;
  private helperStarts = 0;
  /** What the helper loads: the model of the last load. */
  private helperLoad: Omit<LoadRequest, 'type' | 'id'> | null = null;

  constructor(
    private readonly post: Post,
    private readonly options: EngineOptions = { idleWarmUp: true },
  ) {}

  async load(req: LoadRequest): Promise<void> {
    this.stopIdleWarmUp();
    const seq = ++this.loads;
    this.testHooks = req.testHooks;
    this.running?.abort.abort();
    this.helper?.terminate();
    this.helper = null;
    this.helperStarts = 0;
    // One thread, like the model worker's default: two runtimes on two cores, each single-threaded.
    this.helperLoad = { modelUrl: req.modelUrl, ortUrl: req.ortUrl, backend: 'wasm', numThreads: 1, testHooks: false };
    await this.model?.release();
    this.model = null;
    this.lastReading = null;
    try {
      const info = await this.loadModel(req, () => seq !== this.loads);
      this.post({ type: 'loaded', id: req.id, info });
      if (this.model && seq === this.loads && this.options.idleWarmUp) this.warmUpWhileIdle(this.model);
    } catch (e) {
      if (e instanceof ModelFileError) {
        this.post({
          type: 'error',
          id: req.id,
          code: 'model-file',
          message: e.message,
          file: e.file,
          expectedSha256: e.expectedSha256,
        });
      } else {
        this.post({ type: 'error', id: req.id, code: 'load', message: `The model could not be loaded: ${message(e)}` });
      }
    }
  }

  private async loadModel(req: LoadRequest, superseded: () => boolean): Promise<LoadedModelInfo> {
    const stage = (s: LoadStage, done?: number, total?: number) =>
      this.post({ type: 'load-stage', id: req.id, stage: s, ...(total ? { done, total } : {}) });
    // The runtime loads while the card and then the files download; each file is hashed as soon as it has arrived.
    // Its stages ('backend', 'runtime') are not posted: the page shows the download until a session is being made.
    const backendChoice = chooseBackend(req.backend);
    const runtime = (async () => {
      const choice = await backendChoice;
      return { choice, ...(await importOrt(choice.backend, req.ortUrl, req.numThreads, choice.adapter)) };
    })();
    runtime.catch(() => undefined); // awaited below; a failed card must not leave it unhandled
    // One session is made at a time (onnxruntime-web's WebGPU backend refuses two at once), in arrival order. The
    // first in line is the runtime probe, so onnxruntime-web fetches and compiles its WebAssembly while the card
    // and then the files download, not after the card has arrived.
    let making: Promise<unknown> = runtime.then((rt) => startRuntime(rt.ort, rt.choice.backend)).catch(() => undefined);
    const card = await fetchCard(req.modelUrl);
    const plan = planFor(card, (await backendChoice).backend);
    const allTotal = plan.files.reduce((a, f) => a + f.bytes, 0);
    const loadedBytes = new Map<string, number>();
    const downloads = new Map(
      plan.files.map((file) => [
        file.name,
        fetchVerified(req.modelUrl, file, (loaded) => {
          loadedBytes.set(file.name, loaded);
          const allLoaded = [...loadedBytes.values()].reduce((a, b) => a + b, 0);
          this.post({ type: 'progress', id: req.id, file: file.name, loaded, total: file.bytes, allLoaded, allTotal });
        }),
      ]),
    );
    const need = (name: string) => {
      const got = downloads.get(name);
      if (!got) throw new ModelFileError(`model-card.json does not list ${name}.`, name);
      return got.then((g) => g.bytes);
    };
    // A session is made as soon as its files and the runtime are there, so it overlaps the other downloads.
    const session = async (graph: GraphName) => {
      const files = plan.sessions[graph];
      const [bytes, weights, rt] = await Promise.all([
        need(files.graph),
        files.weights ? need(files.weights) : null,
        runtime,
      ]);
      const made = making.then(() => {
        stage(graph);
        const external = weights && files.weights ? unpacked(files.weights, weights) : undefined;
        return createSession(rt.ort, rt.choice.backend, bytes, external);
      });
      making = made.catch(() => undefined);
      return made;
    };
    const settled = await Promise.allSettled([session('encoder'), session('decoder')]);
    const made = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const files = await Promise.allSettled(downloads.values());
    const failed = [...files, ...settled].find((r) => r.status === 'rejected');
    if (failed || superseded()) {
      await Promise.all(made.map((m) => m.release()));
      throw failed ? (failed as PromiseRejectedResult).reason : new Error('a newer load request replaced this one');
    }
    const [encoder, decoder] = made;
    const unverified = files.some((r) => r.status === 'fulfilled' && !r.value.verified);
    if (unverified) {
      this.post({
        type: 'notice',
        id: req.id,
        message: 'This page is not a secure context, so the model files could not be checked against their SHA-256.',
      });
    }
    const vocabJson = JSON.parse(new TextDecoder().decode(await need('vocab.json'))) as VocabJson;
    const { choice, ort, threads } = await runtime;
    const vocab = new Vocab(vocabJson);
    const runner = new YieldingRunner(new OrtTuneModel(ort, encoder, decoder, card as ModelCard, vocabJson.music));
    this.model = {
      runner,
      vocab,
      backend: choice.backend,
      release: async () => {
        await encoder.release();
        await decoder.release();
      },
    };
    const t0 = performance.now();
    stage('warm-up', 0, WARM_UP_TOKENS);
    const warm = await generate(
      runner,
      vocab,
      vocab.encodePrompt('reel'),
      [],
      { ...DEFAULT_SETTINGS, maxTokens: WARM_UP_TOKENS },
      { onToken: (t) => stage('warm-up', t.index + 1, WARM_UP_TOKENS) },
    );
    const warmupMs = performance.now() - t0;
    const identity = card.files.map((f) => `${f.name} ${f.sha256}\n`).join('');
    const modelSha256 =
      (await sha256Hex(new TextEncoder().encode(identity))) ?? card.files.map((f) => f.sha256).join('+');
    return {
      backend: choice.backend,
      backendReason: choice.reason,
      numThreads: threads,
      modelSha256,
      vocab: vocabJson,
      card,
      warmupMs,
      warmupStepMs: mean(warm.timings.stepMs.slice(1)),
    };
  }

  async generate(req: GenerateRequest): Promise<void> {
    const model = this.model;
    if (!model) {
      this.post({ type: 'error', id: req.id, code: 'not-loaded', message: 'The model is not loaded.' });
      return;
    }
    if (this.running) {
      this.post({
        type: 'error',
        id: req.id,
        code: 'busy',
        message: 'A tune is already being written; cancel it first.',
      });
      return;
    }
    this.stopIdleWarmUp();
    const abort = new AbortController();
    this.running = { id: req.id, abort };
    await this.exclusive(() => this.runGenerate(req, model, abort));
  }

  private async runGenerate(req: GenerateRequest, model: Loaded, abort: AbortController): Promise<void> {
    const prompt = model.vocab.encodePrompt(req.prompt);
    const references = req.references ?? [];
    try {
      const unknown = req.prefix.filter((t) => !model.vocab.hasMusic(t));
      if (unknown.length)
        throw new RangeError(`the model does not know the token(s) ${[...new Set(unknown)].join(', ')}`);
      if (references.length > MAX_REFERENCES)
        throw new RangeError(`${references.length} references; the model reads at most ${MAX_REFERENCES}`);
      const hooks = {
        signal: abort.signal,
        // On WASM the kept outputs are small copies out of the heap; on WebGPU each would be one more read back
        // from the device at every step, and the one-pass reading afterwards is cheap there.
        keepReading: model.backend === 'wasm',
        onToken: (t: StreamedToken) => this.post({ type: 'token', id: req.id, index: t.index, token: t.token }),
      };
      const result = await generate(
        model.runner,
        model.vocab,
        prompt,
        req.prefix,
        req.settings,
        hooks,
        references.map((r) => r.tokens),
      );
      this.lastReading = result.reading ?? null;
      const { firstTokenMs, totalMs, tokensPerSecond, stepMs, runMs, sampleMs } = result.timings;
      const split = runMs.length
        ? { runMs: mean(runMs), sampleMs: mean(sampleMs), feedMs: mean(stepMs) - mean(runMs) - mean(sampleMs) }
        : undefined;
      this.post({
        type: 'done',
        id: req.id,
        tokens: result.tokens,
        prefixLength: result.prefixLength,
        abc: result.abc,
        stopped: result.stopped,
        words: prompt.words,
        unknownWords: prompt.unknownWords,
        truncated: prompt.truncated,
        references,
        memory: result.memory,
        timings: { firstTokenMs, totalMs, tokensPerSecond, meanStepMs: mean(stepMs), stepMs, split },
        backend: model.backend,
      });
    } catch (e) {
      const code = model.backend === 'webgpu' && !(e instanceof RangeError) ? 'backend' : 'generate';
      this.post({ type: 'error', id: req.id, code, message: message(e), fatal: isFatal(e) });
    } finally {
      this.running = null;
    }
  }

  /**
   * Keeps decoding throwaway tunes after a load, on WASM, until IDLE_WARM_UP_STEPS or the first request, so the
   * person's first tunes run on optimised code. A request waits for at most the step under way. Not on WebGPU,
   * where the steps' work is on the device and the idle decoding would only hold it.
   */
  private warmUpWhileIdle(model: Loaded): void {
    if (model.backend !== 'wasm') return;
    const idle = new AbortController();
    this.idle = idle;
    void this.exclusive(() => warmUp(model.runner, model.vocab, IDLE_WARM_UP_STEPS, idle.signal)).catch(
      () => undefined, // a broken runtime answers the next request itself
    );
  }

  private stopIdleWarmUp(): void {
    this.idle?.abort();
    this.idle = null;
  }

  /** Runs `fn` after every generation and reading queued before it. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * A teacher-forced job on fixed tokens (a reading or the neighbour vectors): queued after every generation and
   * reading before it, with the tokens checked first and any failure answered as a `read` error.
   */
  private async readingJob(id: number, tokens: readonly string[], job: (model: Loaded) => Promise<void>) {
    this.stopIdleWarmUp();
    const model = this.model;
    if (!model) {
      this.post({ type: 'error', id, code: 'not-loaded', message: 'The model is not loaded.' });
      return;
    }
    await this.exclusive(async () => {
      try {
        checkReadable(model, tokens);
        await job(model);
      } catch (e) {
        this.post({ type: 'error', id, code: 'read', message: message(e), fatal: isFatal(e) });
      }
    });
  }

  /** A view that reads under several prompts is open: the helper loads now, before its first reading. */
  prepareReadings(): void {
    this.startHelper();
  }

  read(req: ReadRequest): Promise<void> {
    // Only a reading large enough to share starts the helper: the attention view's one-row reading after every
    // tune would otherwise load a second runtime under the next tune.
    if (planSplit(req.prompts.length, req.tokens.length)) this.startHelper();
    return this.readingJob(req.id, req.tokens, async (model) => {
      if (req.prompts.length === 0) throw new RangeError('no prompts to read the tune under');
      if (req.references && req.references.length !== req.prompts.length)
        throw new RangeError(`${req.prompts.length} prompts but references for ${req.references.length}`);
      const t0 = performance.now();
      const helper = this.helper?.status === 'ready' ? this.helper : null;
      const split = helper && planSplit(req.prompts.length, req.tokens.length);
      const { readings, textLength, memoryLength, rowsPerRuntime } = split
        ? await this.readSplit(model, helper, req, split)
        : { ...(await this.readRows(model, req)), rowsPerRuntime: [req.prompts.length] };
      const ms = performance.now() - t0;
      const { dec_layers: L, n_heads: H } = model.runner.card.config;
      const transfer = readings.flatMap((r) => [
        r.logProbs.buffer,
        ...(r.crossAttention ? [r.crossAttention.buffer] : []),
      ]);
      this.post(
        {
          type: 'read-done',
          id: req.id,
          readings,
          layers: L,
          heads: H,
          textLength,
          memoryLength,
          ms,
          rowsPerRuntime,
          backend: model.backend,
        },
        transfer,
      );
    });
  }

  /**
   * Some rows here and the rest in the helper, at once; the helper's rows are read here if it fails. Also says how
   * many rows each runtime read.
   */
  private async readSplit(
    model: Loaded,
    helper: ReadingHelper,
    req: ReadRequest,
    split: ReadSplit,
  ): Promise<ReadPart & { rowsPerRuntime: number[] }> {
    const prompts = req.prompts.map((words) => promptIds(model.vocab, words));
    const whole = memoryShape(prompts, req.references, model.runner.card.config.max_text);
    const away = helper.read(rowsRequest(req, split.helper, whole)).catch(() => null);
    const here = await this.readRows(model, rowsRequest(req, split.here, whole));
    const there = await away;
    if (there) return { ...mergeParts(split, here, there), rowsPerRuntime: [split.here.length, split.helper.length] };
    const rest = await this.readRows(model, rowsRequest(req, split.helper, whole));
    return { ...mergeParts(split, here, rest), rowsPerRuntime: [req.prompts.length] };
  }

  /** One batched reading in this worker's runtime: log-probabilities, and the attention of the rows asked for. */
  private async readRows(model: Loaded, req: RowsRequest): Promise<ReadPart> {
    const { vocab, runner } = model;
    const prompts = req.prompts.map((words) => promptIds(vocab, words));
    // Only log-probabilities, and the attention of the rows the view draws: nothing else leaves the runtime.
    const readings = await readTune(runner, vocab, prompts, req.tokens, req.references, {
      attention: req.attentionFor,
      memoryAtLeast: req.memoryAtLeast,
    });
    const { dec_layers: L, n_heads: H } = runner.card.config;
    // Rows are padded to the longest prompt and the longest references, so every row has the same T and M.
    const { textLength, length: memoryLength } = readings[0].memory;
    const size = L * H * memoryLength;
    const wanted = new Set(req.attentionFor);
    const out = readings.map((r, i): PromptReading => {
      let crossAttention: Float32Array | null = null;
      if (wanted.has(i)) {
        crossAttention = new Float32Array(r.crossAttention.length * size);
        r.crossAttention.forEach((row, s) => crossAttention!.set(row, s * size));
      }
      return { logProbs: r.logProbs, total: r.total, crossAttention, memory: r.memory };
    });
    return { readings: out, textLength, memoryLength };
  }

  /**
   * Starts the reading helper at the first reading worth sharing, on WASM: pages that never read a tune under
   * several prompts never load a second runtime. Until it is ready, and if it fails, readings run here.
   */
  private startHelper(): void {
    const make = this.options.readingHelper;
    if (!make || !this.helperLoad || this.model?.backend !== 'wasm') return;
    if (this.helper && this.helper.status !== 'failed') return;
    if (this.helperStarts >= HELPER_STARTS) return;
    this.helperStarts++;
    let port: HelperPort;
    try {
      port = make();
    } catch {
      this.helperStarts = HELPER_STARTS; // workers cannot be started here: readings stay in this one
      return;
    }
    // Told once, when no further helper will be started: a reading is never lost to it, only slower.
    this.helper = new ReadingHelper(port, this.helperLoad, (reason) => {
      if (this.helperStarts >= HELPER_STARTS)
        this.post({ type: 'notice', id: 0, message: `Readings now run in one worker: ${reason}.` });
    });
  }

  ablate(req: AblateRequest): Promise<void> {
    return this.readingJob(req.id, req.tokens, async (model) => {
      if (req.references.length === 0) throw new RangeError('no references to ablate');
      const t0 = performance.now();
      const result = await ablationReadings(model.runner, model.vocab, req.prompt, req.tokens, req.references);
      this.post({ type: 'ablate-done', id: req.id, result, ms: performance.now() - t0, backend: model.backend });
    });
  }

  vectors(req: VectorsRequest): Promise<void> {
    return this.readingJob(req.id, req.tokens, async (model) => {
      const t0 = performance.now();
      const prompt = req.prompt.length ? promptIds(model.vocab, req.prompt) : null;
      const v = await neighbourQueryVectors(
        model.runner,
        model.vocab,
        { prompt, tokens: req.tokens, measures: req.measures, sketch: req.sketch },
        this.lastReading ?? undefined,
      );
      const reply = {
        type: 'vectors-done' as const,
        id: req.id,
        textEmbedding: v.textEmbedding ?? null,
        musicEmbedding: v.musicEmbedding ?? null,
        gradientSketch: v.gradientSketch ?? null,
        ms: performance.now() - t0,
        split: v.timings,
        readingReused: v.readingReused,
        backend: model.backend,
      };
      const vectors = [reply.textEmbedding, reply.musicEmbedding, reply.gradientSketch];
      this.post(
        reply,
        vectors.flatMap((a) => (a ? [a.buffer] : [])),
      );
    });
  }

  cancel(target: number): void {
    if (this.running?.id === target) this.running.abort.abort();
  }

  crash(req: CrashRequest): void {
    // An injected failure is for the request that follows; the idle warm-up's steps must not use it up.
    this.stopIdleWarmUp();
    if (!this.testHooks) {
      this.post({ type: 'notice', id: req.id, message: 'Test hooks are off; crash request ignored.' });
      return;
    }
    if (req.mode === 'webgpu-fail') {
      if (this.model) this.model.runner.failAfter = 3;
      return;
    }
    // Thrown outside any promise, so it reaches the page as the worker's error event, like a WASM abort.
    setTimeout(() => {
      throw new Error('worker crash requested by a test');
    });
  }
}
