import type { OrtNamespace } from './ortLoader';
import type { Backend } from './protocol';

/**
 * A one-node ONNX graph (Identity on one float, opset 17, 80 bytes), made with the `onnx` Python package:
 * `helper.make_model(helper.make_graph([make_node('Identity', ['x'], ['y'])], ...))`. Creating a session from it
 * makes onnxruntime-web fetch, compile and start its WebAssembly (and, on WebGPU, its device) while the model files
 * are still downloading; otherwise that setup waits for the first model file and adds its time to the first load.
 * Embedded rather than fetched so it costs no request of its own.
 */
const PROBE_BASE64 =
  'CAgSCWFwcGFyYXR1czo7ChAKAXgSAXkiCElkZW50aXR5EgVwcm9iZVoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEBE=';

export function runtimeProbeBytes(): Uint8Array {
  return Uint8Array.from(atob(PROBE_BASE64), (c) => c.charCodeAt(0));
}

/**
 * Starts the runtime by making and releasing the probe's session. A failure is not the model's: it is left for
 * the model's own sessions to report, with their file names.
 */
export async function startRuntime(ort: OrtNamespace, backend: Backend): Promise<void> {
  try {
    const session = await ort.InferenceSession.create(runtimeProbeBytes(), { executionProviders: [backend] });
    await session.release();
  } catch {
    // The model's sessions meet the same problem and say what it is.
  }
}
