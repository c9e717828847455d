import { describe, expect, it } from 'vitest';
import type { WorkerReply } from './protocol';
import { HELPER_MIN_MEMORY_GB, helperFits, ReadingHelper, type HelperPort } from './readingHelper';

class FakePort implements HelperPort {
  sent: { type: string; id: number }[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.sent.push(message as { type: string; id: number });
  }
  terminate() {
    this.terminated = true;
  }
  reply(reply: WorkerReply) {
    this.onmessage!({ data: reply } as MessageEvent<WorkerReply>);
  }
}

const LOAD = { modelUrl: '/models/', ortUrl: '/ort/', backend: 'wasm' as const, numThreads: 1, testHooks: false };
const ROWS = { prompts: [['jig']], tokens: ['M:6/8'], attentionFor: [] };
const DONE = {
  readings: [],
  layers: 4,
  heads: 4,
  textLength: 2,
  memoryLength: 2,
  ms: 1,
  rowsPerRuntime: [1],
  backend: 'wasm' as const,
};

function started() {
  const port = new FakePort();
  const failures: string[] = [];
  const helper = new ReadingHelper(port, LOAD, (reason) => failures.push(reason));
  return { port, helper, failures };
}

function ready() {
  const s = started();
  s.port.reply({ type: 'loaded', id: 0, info: {} as never });
  return s;
}

describe('ReadingHelper', () => {
  it('loads the model in its worker at once and is ready when it has loaded', () => {
    const { port, helper } = started();
    expect(port.sent).toEqual([{ type: 'load', id: 0, ...LOAD }]);
    expect(helper.status).toBe('loading');
    port.reply({ type: 'load-stage', id: 0, stage: 'encoder' });
    expect(helper.status).toBe('loading');
    port.reply({ type: 'loaded', id: 0, info: {} as never });
    expect(helper.status).toBe('ready');
  });

  it('refuses readings until it is ready', async () => {
    await expect(started().helper.read(ROWS)).rejects.toThrow(/is loading/);
  });

  it('answers a reading with the reply of its id', async () => {
    const { port, helper } = ready();
    const pending = helper.read(ROWS);
    expect(port.sent.at(-1)).toEqual({ type: 'read', id: 1, ...ROWS });
    port.reply({ type: 'read-done', id: 1, ...DONE });
    await expect(pending).resolves.toEqual({ readings: [], textLength: 2, memoryLength: 2 });
  });

  it.each([
    [
      'a failed load',
      (p: FakePort) => p.reply({ type: 'error', id: 0, code: 'load', message: 'no file' }),
      /could not load the model: no file/,
    ],
    ['a crash of its worker', (p: FakePort) => p.onerror!({ message: 'boom' } as ErrorEvent), /stopped: boom/],
  ])('fails on %s, once, and stops its worker', (_name, event, reason) => {
    const { port, helper, failures } = started();
    event(port);
    event(port);
    expect(helper.status).toBe('failed');
    expect(port.terminated).toBe(true);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(reason);
  });

  it('rejects the readings under way when its worker crashes, so the model worker reads them itself', async () => {
    const { port, helper } = ready();
    const pending = helper.read(ROWS);
    port.onerror!({ message: 'out of memory' } as ErrorEvent);
    await expect(pending).rejects.toThrow(/out of memory/);
  });

  it('rejects a reading its engine refused, and fails only when the runtime broke', async () => {
    const { port, helper } = ready();
    const refused = helper.read(ROWS);
    port.reply({ type: 'error', id: 1, code: 'read', message: 'too long' });
    await expect(refused).rejects.toThrow('too long');
    expect(helper.status).toBe('ready');
    const broken = helper.read(ROWS);
    port.reply({ type: 'error', id: 2, code: 'read', message: 'abort()', fatal: true });
    await expect(broken).rejects.toThrow('abort()');
    expect(helper.status).toBe('failed');
  });

  it('stops quietly when told to', async () => {
    const { port, helper, failures } = ready();
    const pending = helper.read(ROWS);
    helper.terminate();
    await expect(pending).rejects.toThrow(/stopped/);
    expect([port.terminated, failures]).toEqual([true, []]);
  });
});

describe('helperFits', () => {
  it.each<[string, { cores: number; memoryGb?: number }, boolean]>([
    ['one core', { cores: 1, memoryGb: 8 }, false],
    ['two cores, memory unreported', { cores: 2 }, true],
    ['two cores, plenty of memory', { cores: 2, memoryGb: 8 }, true],
    ['at the memory threshold', { cores: 4, memoryGb: HELPER_MIN_MEMORY_GB }, true],
    ['a phone short of memory', { cores: 8, memoryGb: 2 }, false],
    ['no cores reported', { cores: 0 }, false],
  ])('%s', (_, device, fits) => expect(helperFits(device)).toBe(fits));
});
