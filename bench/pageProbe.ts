/**
 * What the bench reads from a page without the app's help: an init script wraps `Worker` so that every
 * message to and from the model worker is timestamped on the main thread (performance.now(), so 0 is the
 * navigation start). With `autoGenerate` it clicks Generate as soon as the model is loaded and the button is
 * enabled. Kept as plain JavaScript text: functions handed to the page must not depend on the bundler.
 */
import { LOAD_STAGES, type StepSplit } from '../src/worker/protocol';

export interface ProbeGeneration {
  readonly sentAt: number;
  readonly prompt: string;
  readonly settings: Record<string, unknown>;
  readonly tokenAt: number[];
  doneAt: number | null;
  done: {
    readonly tokens: readonly string[];
    readonly stopped: string;
    readonly backend: string;
    readonly timings: {
      readonly firstTokenMs: number;
      readonly totalMs: number;
      readonly tokensPerSecond: number;
      readonly meanStepMs: number;
      readonly stepMs?: readonly number[];
      readonly split?: StepSplit;
    };
  } | null;
  error: string | null;
}

export interface ProbeState {
  loadedAt: number | null;
  loadError: string | null;
  info: {
    readonly backend: string;
    readonly backendReason: string;
    readonly numThreads: number;
    readonly modelSha256: string;
    readonly warmupMs: number;
    readonly warmupStepMs: number;
  } | null;
  clickAt: number | null;
  /**
   * When the page first heard of each step of the model's load (LOAD_MARKS), for the load's breakdown: the model
   * worker's creation, each load stage's start, the last byte of the model files, and "loaded".
   */
  readonly loadMarks: Partial<Record<LoadMark, number>>;
  readonly generations: ProbeGeneration[];
  /** Every neighbour query-vector reply of the model worker: its total and where the time went. */
  readonly vectors: { readonly ms: number; readonly split: Record<string, number>; readonly readingReused: boolean }[];
}

declare global {
  interface Window {
    __bench?: ProbeState;
  }
}

/** The load's steps: the model worker's creation, each load stage's start, the model files' last byte, "loaded". */
export const LOAD_MARKS = ['worker', ...LOAD_STAGES, 'files', 'loaded'] as const;
export type LoadMark = (typeof LOAD_MARKS)[number];

export function probeScript(autoGenerate: boolean): string {
  return `(() => {
  const probe = { loadedAt: null, loadError: null, info: null, clickAt: null, loadMarks: {}, generations: [],
    vectors: [] };
  const mark = (name, t) => { if (!(name in probe.loadMarks)) probe.loadMarks[name] = t; };
  window.__bench = probe;
  const clickWhenEnabled = () => {
    const button = document.querySelector('[data-testid="generate-bar"] button.primary');
    if (button && !button.disabled) {
      probe.clickAt = performance.now();
      button.click();
    } else setTimeout(clickWhenEnabled, 0);
  };
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      const createdAt = performance.now();
      super(url, options);
      this.addEventListener('message', (e) => {
        const d = e.data, t = performance.now();
        const gen = probe.generations[probe.generations.length - 1];
        if (!d || typeof d !== 'object') return;
        if (d.type === 'load-stage') {
          mark('worker', createdAt);
          mark(d.stage, t);
        } else if (d.type === 'progress' && d.allLoaded >= d.allTotal) mark('files', t);
        if (d.type === 'loaded') {
          mark('loaded', t);
          probe.loadedAt = t;
          const i = d.info;
          probe.info = { backend: i.backend, backendReason: i.backendReason, numThreads: i.numThreads,
            modelSha256: i.modelSha256, warmupMs: i.warmupMs, warmupStepMs: i.warmupStepMs };
          if (${autoGenerate} && probe.clickAt === null) clickWhenEnabled();
        } else if (d.type === 'token' && gen) gen.tokenAt.push(t);
        else if (d.type === 'vectors-done')
          probe.vectors.push({ ms: d.ms, split: d.split, readingReused: d.readingReused });
        else if (d.type === 'done' && gen) {
          gen.doneAt = t;
          gen.done = { tokens: d.tokens, stopped: d.stopped, backend: d.backend, timings: d.timings };
        } else if (d.type === 'error') {
          if (gen && gen.doneAt === null) { gen.error = d.message; gen.doneAt = t; }
          else probe.loadError = d.message;
        }
      });
    }
    postMessage(message, transfer) {
      if (message && message.type === 'generate')
        probe.generations.push({ sentAt: performance.now(), prompt: message.prompt, settings: message.settings,
          tokenAt: [], doneAt: null, done: null, error: null });
      return super.postMessage(message, transfer);
    }
  };
})();`;
}
