import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../runtime/decode';
import { ModelClient, type LoadOptions, type LoadStageProgress } from './modelClient';
import type { LoadedModelInfo, WorkerReply, WorkerRequest } from './protocol';

/** A stand-in for model.worker.ts: records requests and lets the test reply, crash or not. */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly received: WorkerRequest[] = [];
  terminated = false;
  postMessage(req: WorkerRequest) {
    this.received.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: WorkerReply) {
    this.onmessage?.({ data: r } as MessageEvent<WorkerReply>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  last<T extends WorkerRequest['type']>(type: T): Extract<WorkerRequest, { type: T }> {
    return this.received.filter((r) => r.type === type).at(-1) as Extract<WorkerRequest, { type: T }>;
  }
}

const INFO = { backend: 'wasm', backendReason: 'test', modelSha256: 'abc' } as LoadedModelInfo;
const OPTIONS: LoadOptions = { modelUrl: '/m/', ortUrl: '/o/', backend: 'auto', numThreads: 1, testHooks: true };
const INPUT = { prompt: 'reel', prefix: [], settings: DEFAULT_SETTINGS };
const DONE = {
  tokens: ['M:4/4'],
  prefixLength: 0,
  abc: '',
  stopped: 'end',
  words: [],
  unknownWords: [],
  truncated: 0,
  references: [],
  memory: { textLength: 1, references: [], length: 1 },
} as const;
const TIMINGS = { firstTokenMs: 1, totalMs: 2, tokensPerSecond: 3, meanStepMs: 4 };
const REFERENCE = {
  source: { kind: 'catalogue', id: 'oneills1850-0001', title: 'A Jig' },
  first: 1,
  last: 2,
  tokens: ['M:6/8', 'K:Dmaj', 'd', '|', 'e', '|'],
} as const;

function setup() {
  const workers: FakeWorker[] = [];
  const notices: string[] = [];
  const stages: LoadStageProgress[] = [];
  const client = new ModelClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    { onNotice: (m) => notices.push(m), onStage: (s) => stages.push(s) },
  );
  return { client, workers, notices, stages, worker: () => workers.at(-1)! };
}

describe('ModelClient', () => {
  it('passes the stages of a load after its download on to the page', async () => {
    const { client, worker, stages } = setup();
    const loading = client.load(OPTIONS);
    const id = worker().last('load').id;
    worker().reply({ type: 'load-stage', id, stage: 'decoder' });
    worker().reply({ type: 'load-stage', id, stage: 'warm-up', done: 3, total: 8 });
    worker().reply({ type: 'loaded', id, info: INFO });
    await loading;
    expect(stages).toEqual([
      { stage: 'decoder', done: undefined, total: undefined },
      { stage: 'warm-up', done: 3, total: 8 },
    ]);
  });

  it('resolves a load and streams tokens through the async iterable', async () => {
    const { client, worker } = setup();
    const loading = client.load(OPTIONS);
    worker().reply({ type: 'loaded', id: worker().last('load').id, info: INFO });
    expect(await loading).toEqual({ ok: true, value: INFO });

    const handle = client.generate(INPUT);
    const id = worker().last('generate').id;
    const seen: string[] = [];
    const reading = (async () => {
      for await (const ev of handle.stream) if (ev.type === 'token') seen.push(ev.token);
    })();
    worker().reply({ type: 'token', id, index: 0, token: 'M:4/4' });
    worker().reply({ type: 'done', id, ...DONE, timings: TIMINGS, backend: 'wasm' });
    const result = await handle.result;
    await reading;
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['M:4/4']);
  });

  it('returns worker errors as values, with the file and expected hash', async () => {
    const { client, worker } = setup();
    const loading = client.load(OPTIONS);
    const id = worker().last('load').id;
    worker().reply({
      type: 'error',
      id,
      code: 'model-file',
      message: 'decoder.onnx is corrupt',
      file: 'decoder.onnx',
      expectedSha256: 'ff',
    });
    expect(await loading).toEqual({
      ok: false,
      error: { code: 'model-file', message: 'decoder.onnx is corrupt', file: 'decoder.onnx', expectedSha256: 'ff' },
    });
  });

  it('sends cancel for the running generation', () => {
    const { client, worker } = setup();
    const handle = client.generate(INPUT);
    handle.cancel();
    expect(worker().last('cancel').target).toBe(worker().last('generate').id);
  });

  it('restarts a crashed worker, fails the open generation and reloads the model', async () => {
    const { client, workers, worker, notices } = setup();
    const first = client.load(OPTIONS);
    worker().reply({ type: 'loaded', id: worker().last('load').id, info: INFO });
    await first;
    const handle = client.generate(INPUT);
    workers[0].crash('boom');
    const result = await handle.result;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('worker-crashed');
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    const reload = worker().last('load');
    expect(reload.backend).toBe('auto');
    expect(notices.join(' ')).toContain('boom');
  });

  it('re-sends a load that was open when the worker crashed', async () => {
    const { client, workers, worker } = setup();
    const loading = client.load(OPTIONS);
    const id = workers[0].last('load').id;
    workers[0].crash('during load');
    expect(worker().last('load').id).toBe(id);
    worker().reply({ type: 'loaded', id, info: INFO });
    expect((await loading).ok).toBe(true);
  });

  it('stops restarting after repeated crashes', () => {
    const { client, workers } = setup();
    void client.load(OPTIONS);
    for (let i = 0; i < 5; i++) workers.at(-1)!.crash(`crash ${i}`);
    expect(workers.length).toBe(4);
  });

  it('fails requests at once once it has given up', async () => {
    const { client, workers } = setup();
    void client.load(OPTIONS);
    for (let i = 0; i < 4; i++) workers.at(-1)!.crash(`crash ${i}`);
    const result = await client.generate(INPUT).result;
    expect(!result.ok && result.error.message).toContain('reload the page');
  });

  it('moves to WASM when WebGPU fails mid-run and writes the tune again', async () => {
    const { client, workers, worker, notices } = setup();
    const loading = client.load({ ...OPTIONS, backend: 'webgpu' });
    worker().reply({ type: 'loaded', id: worker().last('load').id, info: { ...INFO, backend: 'webgpu' } });
    await loading;
    const handle = client.generate({ ...INPUT, references: [REFERENCE] });
    const events: string[] = [];
    const reading = (async () => {
      for await (const ev of handle.stream) events.push(ev.type);
    })();
    workers[0].reply({ type: 'error', id: workers[0].last('generate').id, code: 'backend', message: 'device lost' });
    await Promise.resolve();
    expect(workers).toHaveLength(2);
    const reload = worker().last('load');
    expect(reload.backend).toBe('wasm');
    worker().reply({ type: 'loaded', id: reload.id, info: INFO });
    await new Promise((r) => setTimeout(r, 0));
    const retry = worker().last('generate');
    expect(retry.prompt).toBe('reel');
    // The tune is written again exactly: the references go with it.
    expect(retry.references).toEqual([REFERENCE]);
    expect(workers[0].last('generate').references).toEqual([REFERENCE]);
    worker().reply({ type: 'done', id: retry.id, ...DONE, timings: TIMINGS, backend: 'wasm' });
    const result = await handle.result;
    await reading;
    expect(result.ok && result.value.backend).toBe('wasm');
    expect(events).toEqual(['restart']);
    expect(notices.join(' ')).toContain('fell back to WASM');
  });

  it('replaces a worker that falls silent during a generation', async () => {
    vi.useFakeTimers();
    try {
      const { client, workers } = setup();
      const handle = client.generate(INPUT);
      vi.advanceTimersByTime(31_000);
      const result = await handle.result;
      expect(!result.ok && result.error.message).toContain('stopped responding');
      expect(workers).toHaveLength(2);
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('replaces the worker after a fatal runtime error', async () => {
    const { client, workers } = setup();
    const loading = client.load(OPTIONS);
    workers[0].reply({ type: 'loaded', id: workers[0].last('load').id, info: INFO });
    await loading;
    const handle = client.generate(INPUT);
    workers[0].reply({
      type: 'error',
      id: workers[0].last('generate').id,
      code: 'generate',
      message: 'RuntimeError: abort',
      fatal: true,
    });
    expect((await handle.result).ok).toBe(false);
    expect(workers).toHaveLength(2);
    expect(workers[1].last('load')).toBeDefined();
  });

  it('resolves query vectors, and fails an open vector request when the worker crashes', async () => {
    const { client, worker } = setup();
    const input = { prompt: ['reel'], tokens: ['M:4/4'], measures: ['music', 'text'] as const, sketch: null };
    const first = client.vectors(input);
    const sent = worker().last('vectors');
    expect(sent).toMatchObject({ prompt: ['reel'], tokens: ['M:4/4'], measures: ['music', 'text'] });
    const music = new Float32Array([1, 2]);
    worker().reply({
      type: 'vectors-done',
      id: sent.id,
      textEmbedding: null,
      musicEmbedding: music,
      gradientSketch: null,
      ms: 5,
      split: { encoderMs: 1, readingMs: 3, musicMs: 0, gradientMs: 1 },
      readingReused: false,
      backend: 'wasm',
    });
    const done = await first;
    expect(done.ok && done.value.musicEmbedding).toBe(music);
    const second = client.vectors(input);
    worker().crash('boom');
    const lost = await second;
    expect(!lost.ok && lost.error).toMatchObject({ code: 'worker-crashed' });
  });

  it('resolves an ablation, and passes a read error on as a value', async () => {
    const { client, worker } = setup();
    const input = { prompt: ['reel'], tokens: ['M:4/4', 'K:D', 'A'], references: [['M:4/4', 'K:D', 'B']] };
    const first = client.ablate(input);
    const sent = worker().last('ablate');
    expect(sent).toMatchObject(input);
    const result = {
      method: 'm',
      withAll: -3,
      withNone: -5,
      references: [{ index: 0, drop: 2, share: 1 }],
      note: null,
    };
    worker().reply({ type: 'ablate-done', id: sent.id, result, ms: 4, backend: 'wasm' });
    const done = await first;
    expect(done.ok && done.value.result).toEqual(result);
    const second = client.ablate(input);
    worker().reply({ type: 'error', id: worker().last('ablate').id, code: 'read', message: 'too long' });
    const failed = await second;
    expect(!failed.ok && failed.error).toMatchObject({ code: 'read', message: 'too long' });
  });
});
