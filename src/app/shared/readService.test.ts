import { describe, expect, it } from 'vitest';
import { ModelClient } from '../../worker/modelClient';
import type { WorkerReply, WorkerRequest } from '../../worker/protocol';
import { toReadResult } from './readService';

/** Records requests and lets the test answer them, as model.worker.ts would. */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly received: WorkerRequest[] = [];
  postMessage(req: WorkerRequest) {
    this.received.push(req);
  }
  terminate() {}
  reply(r: WorkerReply) {
    this.onmessage?.({ data: r } as MessageEvent<WorkerReply>);
  }
}

function client() {
  const worker = new FakeWorker();
  return { worker, client: new ModelClient(() => worker as unknown as Worker) };
}

// Two positions, L = 1, H = 2, T = 3, no references (M = 3).
const attention = Float32Array.from({ length: 12 }, (_, i) => i);
const WORDS = { textLength: 3, references: [], length: 3 };
const DONE = {
  readings: [
    { logProbs: Float64Array.of(-1, -2), total: -3, crossAttention: attention, memory: WORDS },
    { logProbs: Float64Array.of(-1.5, -2), total: -3.5, crossAttention: null, memory: WORDS },
  ],
  layers: 1,
  heads: 2,
  textLength: 3,
  memoryLength: 3,
  ms: 12,
  rowsPerRuntime: [2],
  backend: 'wasm' as const,
};

describe('teacher-forced reading through the worker', () => {
  it('sends one read request and resolves with the readings', async () => {
    const { worker, client: c } = client();
    const pending = c.read({ prompts: [['a', 'jig'], ['jig']], tokens: ['M:6/8'], attentionFor: [0] });
    const req = worker.received.at(-1)!;
    expect(req).toMatchObject({ type: 'read', prompts: [['a', 'jig'], ['jig']], tokens: ['M:6/8'], attentionFor: [0] });
    worker.reply({ type: 'read-done', id: req.id, ...DONE });
    const r = await pending;
    expect(r.ok && r.value.readings.map((x) => x.total)).toEqual([-3, -3.5]);
  });

  it('sends each row its references', () => {
    const { worker, client: c } = client();
    const refs = [[['M:6/8', 'K:Dmaj', 'd', '|']], []];
    void c.read({ prompts: [['jig'], []], tokens: ['M:6/8'], attentionFor: [], references: refs });
    expect(worker.received.at(-1)).toMatchObject({ type: 'read', references: refs });
  });

  it('returns worker errors as values', async () => {
    const { worker, client: c } = client();
    const pending = c.read({ prompts: [[]], tokens: ['zz'], attentionFor: [] });
    const id = worker.received.at(-1)!.id;
    worker.reply({ type: 'error', id, code: 'read', message: 'the model does not know the token(s) zz' });
    expect(await pending).toEqual({
      ok: false,
      error: {
        code: 'read',
        message: 'the model does not know the token(s) zz',
        file: undefined,
        expectedSha256: undefined,
      },
    });
  });

  it('splits the flat attention into one (L, H, T) view per position', () => {
    const r = toReadResult(DONE);
    expect(r.readings[0].attention!.map((a) => Array.from(a))).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
    ]);
    expect(r.readings[1].attention).toBeNull();
  });

  it('splits by all memory columns when there are references', () => {
    // Two positions, L = 1, H = 1, T = 2 words and R = 2 reference tokens.
    const memory = { textLength: 2, references: [{ start: 2, tokens: ['M:6/8', 'K:Dmaj'] }], length: 4 };
    const r = toReadResult({
      ...DONE,
      heads: 1,
      textLength: 2,
      memoryLength: 4,
      readings: [{ logProbs: Float64Array.of(-1, -2), total: -3, crossAttention: attention.slice(0, 8), memory }],
    });
    expect(r.readings[0].attention!.map((a) => Array.from(a))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(r.readings[0].memory).toEqual(memory);
  });
});
