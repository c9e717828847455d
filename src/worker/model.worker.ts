/// <reference lib="webworker" />
import { Engine } from './engine';
import type { WorkerReply, WorkerRequest } from './protocol';
import { helperFits } from './readingHelper';

declare const self: DedicatedWorkerGlobalScope;

// Chromium's Device Memory API; other browsers leave it out, and then only the cores decide.
const memoryGb = (navigator as WorkerNavigator & { deviceMemory?: number }).deviceMemory;
const readingHelper = helperFits({ cores: navigator.hardwareConcurrency, memoryGb })
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
