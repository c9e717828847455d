/// <reference lib="webworker" />
import { Engine } from './engine';
import type { WorkerReply, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// A reading helper only where a second core can run it beside this worker.
const readingHelper =
  navigator.hardwareConcurrency >= 2
    ? () => new Worker(new URL('./reader.worker.ts', import.meta.url), { type: 'module', name: 'apparatus-reader' })
    : undefined;
const engine = new Engine((reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer), {
  idleWarmUp: true,
  readingHelper,
});

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  switch (req.type) {
    case 'load':
      void engine.load(req);
      break;
    case 'generate':
      void engine.generate(req);
      break;
    case 'cancel':
      engine.cancel(req.target);
      break;
    case 'read':
      void engine.read(req);
      break;
    case 'vectors':
      void engine.vectors(req);
      break;
    case 'ablate':
      void engine.ablate(req);
      break;
    case 'prepare-readings':
      engine.prepareReadings();
      break;
    case 'crash':
      engine.crash(req);
      break;
  }
};
