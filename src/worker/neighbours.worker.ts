/// <reference lib="webworker" />
import type { NeighbourReply, NeighbourRequest } from './neighbourProtocol';
import { NeighbourService } from './neighbourService';

declare const self: DedicatedWorkerGlobalScope;

const service = new NeighbourService();
const post = (reply: NeighbourReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

async function handle(req: NeighbourRequest): Promise<void> {
  switch (req.type) {
    case 'index': {
      const read = async (file: string) => {
        const res = await fetch(new URL(file, req.corpusUrl));
        if (!res.ok) throw new Error(`${file} could not be fetched (${res.status} ${res.statusText})`);
        return new Uint8Array(await res.arrayBuffer());
      };
      post({ type: 'indexed', id: req.id, info: await service.index(read) });
      return;
    }
    case 'rank': {
      const { list, ms } = service.rank(req);
      post({ type: 'ranked', id: req.id, list, ms }, [list.scores.buffer, list.ranks.buffer]);
      return;
    }
    case 'passages':
      post({ type: 'passages', id: req.id, passages: service.passages(req.tokens, req.index) });
      return;
    case 'copy':
      post({ type: 'copy', id: req.id, score: service.copy(req.tokens) });
      return;
  }
}

self.onmessage = (event: MessageEvent<NeighbourRequest>) => {
  const req = event.data;
  handle(req).catch((e: unknown) =>
    post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) }),
  );
};
