import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel, type LoadedModel } from './nodeModel';

interface Arr {
  dims: number[];
  data: number[];
}
interface Golden {
  text: number[][];
  text_valid: number[][];
  tokens: number[][];
  step_tokens: number[][];
  memory: Arr;
  prefill: Record<'logits' | 'cross_attn' | 'hidden', Arr>;
  step: Record<'logits' | 'cross_attn' | 'hidden', Arr>;
}

const golden = JSON.parse(readFileSync('training/golden/golden.json', 'utf8')) as Golden;

function maxAbsDiff(actual: Float32Array, expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst;
}

describe('shipped ONNX files against the PyTorch golden outputs', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel();
  });

  it('encoder memory matches', async () => {
    const enc = await ort.InferenceSession.create('public/models/encoder.onnx');
    const B = golden.text.length;
    const T = golden.text[0].length;
    const out = await enc.run({
      text: new ort.Tensor('int32', Int32Array.from(golden.text.flat()), [B, T]),
      text_valid: new ort.Tensor('float32', Float32Array.from(golden.text_valid.flat()), [B, T]),
    });
    expect(out.memory.dims).toEqual(golden.memory.dims);
    expect(maxAbsDiff(out.memory.data as Float32Array, golden.memory.data)).toBeLessThan(2e-4);
  });

  it('decoder prefill and one cached step match, attention included', async () => {
    const prompts = golden.text.map((row, b) => Int32Array.from(row.filter((_, t) => golden.text_valid[b][t] > 0)));
    const session = await model.runner.start(prompts);
    const prefill = await session.step(golden.tokens.map((r) => Int32Array.from(r)));
    const step = await session.step(golden.step_tokens.map((r) => Int32Array.from(r)));
    for (const [name, got] of [
      ['logits', prefill.logits],
      ['cross_attn', prefill.crossAttention],
      ['hidden', prefill.hidden],
    ] as const) {
      expect(maxAbsDiff(got, golden.prefill[name].data), `prefill ${name}`).toBeLessThan(5e-4);
    }
    for (const [name, got] of [
      ['logits', step.logits],
      ['cross_attn', step.crossAttention],
      ['hidden', step.hidden],
    ] as const) {
      expect(maxAbsDiff(got, golden.step[name].data), `step ${name}`).toBeLessThan(5e-4);
    }
    session.dispose();
  });
});
