import type * as OrtWeb from 'onnxruntime-web';
import type { ExternalData } from '../runtime/weightPack';
import type { GpuAdapterLike } from './backend';
import type { Backend } from './protocol';

export type OrtNamespace = typeof OrtWeb;

/**
 * Threads used when the page does not ask for a number (`?threads=N` does). Measured with
 * `npm run bench:browser` on the 2-core development machine, Chromium, guidance on: 1 thread took a median
 * 4.8 ms per decode step, 2 threads 7.8 ms (bench-results/browser-threads.json, with the lean decode graph). Each
 * step is a chain of small matrix products, where handing work between threads costs more than it saves.
 */
export const DEFAULT_THREADS = 1;

/**
 * Imports the onnxruntime-web build for the backend. The WASM-only build is used unless WebGPU is: going
 * through the WebGPU build makes the WASM execution provider about twice as slow.
 */
export async function importOrt(
  backend: Backend,
  ortUrl: string,
  numThreads: number,
  adapter: GpuAdapterLike | null,
): Promise<{ ort: OrtNamespace; threads: number }> {
  const ort: OrtNamespace =
    backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  const threads = globalThis.crossOriginIsolated ? Math.max(1, numThreads || DEFAULT_THREADS) : 1;
  ort.env.wasm.wasmPaths = ortUrl;
  ort.env.wasm.numThreads = backend === 'webgpu' ? 1 : threads;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
  if (backend === 'webgpu' && adapter) (ort.env.webgpu as { adapter: unknown }).adapter = adapter;
  return { ort, threads: ort.env.wasm.numThreads ?? 1 };
}

/**
 * A session from a graph. An exported graph is optimised as the session is built. A runtime-form graph (with its
 * weights restored from the pack) was optimised ahead of time, so it is built with optimisation off: on code V8
 * has not optimised yet, the optimisations were most of a session's build (docs/speed.md).
 */
export function createSession(
  ort: OrtNamespace,
  backend: Backend,
  bytes: Uint8Array,
  external?: ExternalData,
): Promise<OrtWeb.InferenceSession> {
  return ort.InferenceSession.create(bytes, {
    executionProviders: [backend],
    ...(external
      ? { graphOptimizationLevel: 'disabled', externalData: [{ path: external.path, data: external.data }] }
      : { graphOptimizationLevel: 'all' }),
  });
}
