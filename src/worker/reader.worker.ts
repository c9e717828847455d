/// <reference lib="webworker" />
/**
 * The model worker's reading helper: a second onnxruntime instance with the same model, started by the model
 * worker (readingHelper.ts) to read a share of a batched reading's rows. It answers loads and readings only.
 */
import { Engine } from './engine';
import type { WorkerReply, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);
// No idle warm-up: the helper starts after the model worker has warmed up, and its readings come rarely.
const engine = new Engine(post, { idleWarmUp: false });

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.type === 'load') void engine.load(req);
  else if (req.type === 'read') void engine.read(req);
  else if ('id' in req)
    post({ type: 'error', id: req.id, code: 'read', message: `the reading helper does not take '${req.type}'` });
};
