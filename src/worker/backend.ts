import type { Backend, BackendPreference } from './protocol';

/** The few WebGPU members used here; TypeScript's DOM library does not describe WebGPU yet. */
export interface GpuAdapterLike {
  readonly info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  /** Older Chromium put the flag on the adapter itself. */
  readonly isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null>;
}

export interface BackendChoice {
  readonly backend: Backend;
  readonly reason: string;
  /** The adapter to hand to onnxruntime-web when the choice is WebGPU. */
  readonly adapter: GpuAdapterLike | null;
}

export const isFallbackAdapter = (a: GpuAdapterLike): boolean =>
  Boolean(a.info?.isFallbackAdapter ?? a.isFallbackAdapter);

export function describeAdapter(a: GpuAdapterLike): string {
  const parts = [a.info?.vendor, a.info?.architecture, a.info?.description].filter((p) => p && p.length > 0);
  return parts.length ? parts.join(' ') : 'unnamed adapter';
}

async function requestAdapter(): Promise<GpuAdapterLike | null> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    return null;
  }
}

/**
 * Picks the execution backend. Automatic choice takes WebGPU only on a hardware adapter: a software fallback
 * (SwiftShader) is about 100x slower than WASM. Forcing WebGPU accepts any adapter, fallback included.
 */
export async function chooseBackend(preference: BackendPreference): Promise<BackendChoice> {
  if (preference === 'wasm') return { backend: 'wasm', reason: 'WASM chosen in the settings', adapter: null };
  const hasApi = Boolean((navigator as unknown as { gpu?: GpuLike }).gpu);
  const adapter = await requestAdapter();
  if (preference === 'webgpu') {
    if (adapter) {
      const kind = isFallbackAdapter(adapter) ? 'software fallback adapter' : 'hardware adapter';
      return {
        backend: 'webgpu',
        reason: `WebGPU chosen in the settings (${kind}: ${describeAdapter(adapter)})`,
        adapter,
      };
    }
    const why = hasApi ? 'the browser offers no WebGPU adapter' : 'this browser has no WebGPU';
    return { backend: 'wasm', reason: `WebGPU was asked for, but ${why}; using WASM`, adapter: null };
  }
  if (!hasApi) return { backend: 'wasm', reason: 'this browser has no WebGPU; using WASM', adapter: null };
  if (!adapter) return { backend: 'wasm', reason: 'no WebGPU adapter is available; using WASM', adapter: null };
  if (isFallbackAdapter(adapter)) {
    return {
      backend: 'wasm',
      reason: `the only WebGPU adapter is a software fallback (${describeAdapter(adapter)}), slower than WASM; using WASM`,
      adapter: null,
    };
  }
  return { backend: 'webgpu', reason: `hardware WebGPU adapter found (${describeAdapter(adapter)})`, adapter };
}
