import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { runtimeProbeBytes, startRuntime } from './runtimeProbe';

describe('runtime probe', () => {
  it('is a valid graph that passes its input through', async () => {
    const session = await ort.InferenceSession.create(runtimeProbeBytes());
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(2.5), [1]) });
    expect(Array.from(out.y.data as Float32Array)).toEqual([2.5]);
    await session.release();
  });

  it('leaves a failure to the model sessions', async () => {
    const failing = { InferenceSession: { create: () => Promise.reject(new Error('no wasm')) } };
    await expect(startRuntime(failing as never, 'wasm')).resolves.toBeUndefined();
  });
});
