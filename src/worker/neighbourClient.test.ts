import { describe, expect, it } from 'vitest';
import { NeighbourClient } from './neighbourClient';
import type { IndexInfo, NeighbourReply, NeighbourRequest } from './neighbourProtocol';

/** Stands in for neighbours.worker.ts: records requests; the test replies or crashes it. */
class FakeWorker {
  onmessage: ((e: MessageEvent<NeighbourReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly received: NeighbourRequest[] = [];
  terminated = false;
  postMessage(req: NeighbourRequest) {
    this.received.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: NeighbourReply) {
    this.onmessage?.({ data: r } as MessageEvent<NeighbourReply>);
  }
  crash() {
    this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
  }
}

const INFO: IndexInfo = { count: 2, unavailable: {}, decoderSha256: null, sketch: null, buildMs: 1 };
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const workers: FakeWorker[] = [];
  const client = new NeighbourClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  }, 'http://host/corpus/');
  return { client, workers };
}

describe('NeighbourClient', () => {
  it('indexes once, then sends requests and resolves their replies', async () => {
    const { client, workers } = setup();
    const copy = client.copy(['M:4/4']);
    const w = workers[0];
    expect(w.received).toEqual([{ type: 'index', id: 1, corpusUrl: 'http://host/corpus/' }]);
    w.reply({ type: 'indexed', id: 1, info: INFO });
    await tick();
    expect(w.received[1]).toMatchObject({ type: 'copy', tokens: ['M:4/4'] });
    const score = { share: 0, tuneId: null, matchedBars: 0, comparableBars: 0, matched: [], flagged: false };
    w.reply({ type: 'copy', id: w.received[1].id, score });
    expect(await copy).toEqual(score);
    await client.index();
    expect(w.received.filter((r) => r.type === 'index')).toHaveLength(1);
  });

  it("rejects with the worker's message", async () => {
    const { client, workers } = setup();
    const indexing = client.index();
    workers[0].reply({ type: 'error', id: 1, message: 'catalogue.json could not be fetched (404 Not Found)' });
    await expect(indexing).rejects.toThrow('404 Not Found');
  });

  it('fails open requests when the worker crashes, and starts a fresh one that indexes again', async () => {
    const { client, workers } = setup();
    const lost = client.index();
    workers[0].crash();
    await expect(lost).rejects.toThrow(/crashed .*starts it again/);
    expect(workers[0].terminated).toBe(true);
    const again = client.index();
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: 'indexed', id: workers[1].received[0].id, info: INFO });
    expect(await again).toEqual(INFO);
  });
});
