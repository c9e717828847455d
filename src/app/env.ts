/** Settings the page reads from its URL and build: where the model lives, test mode, thread count. */

const params = () => new URLSearchParams(globalThis.location?.search ?? '');

/**
 * Set only by automation (the e2e tests' and the bench's init script), never by a URL a visitor could follow:
 * installs `window.__apparatus`, the probes the tests read, and lets the worker crash on request.
 */
export function isTestMode(): boolean {
  return (globalThis as { __APPARATUS_E2E__?: boolean }).__APPARATUS_E2E__ === true;
}

/** `?threads=N` overrides the worker's WASM thread count (for benchmarks); 0 lets the worker choose. */
export function threadsFromUrl(): number {
  const n = Number(params().get('threads'));
  return Number.isInteger(n) && n > 0 && n <= 16 ? n : 0;
}

const base = () => new URL(import.meta.env.BASE_URL, globalThis.location.href);
export const modelUrl = (): string => new URL('models/', base()).href;
export const ortUrl = (): string => new URL('ort/', base()).href;
/** The catalogue and its indexes (public/corpus/); with a file name, that file. */
export const corpusUrl = (file = ''): string => new URL(`corpus/${file}`, base()).href;

export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.0.0';
/** The shipped rights registry (public/rights/). */
export const registryUrl = (): string => new URL('rights/registry.json', base()).href;
