/**
 * The model worker's side of its reading helper: a second worker (reader.worker.ts) with its own onnxruntime
 * instance and sessions of the same model, which reads a share of a batched reading's rows (readSplit.ts).
 * It speaks the page's protocol, so the helper is an Engine like the model worker's.
 */
import type { LoadRequest, ReadRequest, WorkerReply } from './protocol';
import type { ReadPart, RowsRequest } from './readSplit';

/** The parts of a Worker the helper uses, so tests can stand a fake in. */
export interface HelperPort {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type HelperState = 'loading' | 'ready' | 'failed';

/**
 * Device memory (GB, as `navigator.deviceMemory` reports it, in Chromium) below which no helper is started: it holds
 * a second runtime and a second copy of the weights, unpacked to float32 (4 bytes a parameter, about 17 MB for the
 * shipped model), which a phone short of memory may answer by killing the page.
 */
export const HELPER_MIN_MEMORY_GB = 4;

/** Whether this device can run a reading helper beside the model worker: a second core, and memory to spare. */
export function helperFits(device: { readonly cores: number; readonly memoryGb?: number }): boolean {
  return device.cores >= 2 && (device.memoryGb === undefined || device.memoryGb >= HELPER_MIN_MEMORY_GB);
}

type Pending = { resolve: (part: ReadPart) => void; reject: (e: Error) => void };

const LOAD_ID = 0;

export class ReadingHelper {
  private state: HelperState = 'loading';
  private readonly pending = new Map<number, Pending>();
  private nextId = LOAD_ID + 1;

  /** Starts loading the model in `port`'s worker; `onFailed` hears once if it fails (to load, or later). */
  constructor(
    private readonly port: HelperPort,
    load: Omit<LoadRequest, 'type' | 'id'>,
    private readonly onFailed: (reason: string) => void = () => undefined,
  ) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => this.fail(`the reading helper stopped: ${event.message || 'an error in its worker'}`);
    port.postMessage({ type: 'load', id: LOAD_ID, ...load } satisfies LoadRequest);
  }

  get status(): HelperState {
    return this.state;
  }

  /** Reads the rows in the helper; rejects if the helper fails meanwhile, so the caller reads them itself. */
  read(rows: RowsRequest): Promise<ReadPart> {
    if (this.state !== 'ready') return Promise.reject(new Error(`the reading helper is ${this.state}`));
    const id = this.nextId++;
    return new Promise<ReadPart>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ type: 'read', id, ...rows } satisfies ReadRequest);
    });
  }

  /** Stops the helper's worker; pending reads reject, and `onFailed` is not called. */
  terminate(): void {
    this.fail('the reading helper was stopped', false);
  }

  private receive(reply: WorkerReply): void {
    if (reply.id === LOAD_ID) {
      if (reply.type === 'loaded' && this.state === 'loading') this.state = 'ready';
      else if (reply.type === 'error') this.fail(`the reading helper could not load the model: ${reply.message}`);
      return; // load stages, progress and notices are the model worker's own to tell
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'read-done') {
      this.pending.delete(reply.id);
      pending.resolve({ readings: reply.readings, textLength: reply.textLength, memoryLength: reply.memoryLength });
    } else if (reply.type === 'error') {
      this.pending.delete(reply.id);
      pending.reject(new Error(reply.message));
      if (reply.fatal) this.fail(`the reading helper's runtime broke: ${reply.message}`);
    }
  }

  private fail(reason: string, announce = true): void {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.port.terminate();
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
    if (announce) this.onFailed(reason);
  }
}
