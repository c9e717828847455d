import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_REFERENCES } from '../src/music/excerpt';
import { memoryInputs } from '../src/runtime/memory';
import { barPositions } from '../src/tokenizer/barPosition';
import { DEFAULT_MODEL_DIR, loadNodeModel, type LoadedModel } from './nodeModel';

interface Arr {
  dims: number[];
  data: number[];
}
type Outputs = Record<'logits' | 'cross_attn' | 'hidden', Arr>;
interface Golden {
  text: number[][];
  text_valid: number[][];
  refs: number[][];
  ref_slot: number[][];
  tokens: number[][];
  beats: number[][];
  step_tokens: number[][];
  step_beats: number[][];
  memory_valid: number[][];
  memory: Arr;
  prefill: Outputs;
  step: Outputs;
}

// The shipped model and its golden file; the overrides let a training run be checked before it ships.
const MODEL_DIR = process.env.APPARATUS_MODEL_DIR ?? DEFAULT_MODEL_DIR;
const GOLDEN = process.env.APPARATUS_GOLDEN ?? 'training/golden/golden.json';
const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;

function maxAbsDiff(actual: Float32Array, expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst;
}

const tensor = (type: 'int32' | 'float32', rows: number[][]) =>
  new ort.Tensor(type, type === 'int32' ? Int32Array.from(rows.flat()) : Float32Array.from(rows.flat()), [
    rows.length,
    rows[0]?.length ?? 0,
  ]);

/** Each row's prompt (its valid words) and references (ids of slot 1, 2, 3 in turn), as the runtime takes them. */
const prompts = () => golden.text.map((row, b) => Int32Array.from(row.filter((_, t) => golden.text_valid[b][t] > 0)));
const references = () =>
  golden.refs.map((row, b) =>
    Array.from({ length: MAX_REFERENCES }, (_, k) =>
      Int32Array.from(row.filter((_, r) => golden.ref_slot[b][r] === k + 1)),
    ).filter((r) => r.length > 0),
  );

describe('ONNX files against the PyTorch golden outputs', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel(MODEL_DIR);
  });

  it('encoder memory matches, reference tokens included', async () => {
    const enc = await ort.InferenceSession.create(join(MODEL_DIR, 'encoder.onnx'));
    const out = await enc.run({
      text: tensor('int32', golden.text),
      text_valid: tensor('float32', golden.text_valid),
      refs: tensor('int32', golden.refs),
      ref_slot: tensor('int32', golden.ref_slot),
    });
    expect(out.memory.dims).toEqual(golden.memory.dims);
    expect(maxAbsDiff(out.memory.data as Float32Array, golden.memory.data)).toBeLessThan(2e-4);
  });

  it('encoder takes a batch without references (R = 0): the words get the memory they get beside padding', async () => {
    // Row 1 has no references; alone, its reference columns vanish instead of being padding.
    const b = golden.ref_slot.findIndex((row) => row.every((s) => s === 0));
    expect(b).toBeGreaterThanOrEqual(0);
    const enc = await ort.InferenceSession.create(join(MODEL_DIR, 'encoder.onnx'));
    const out = await enc.run({
      text: tensor('int32', [golden.text[b]]),
      text_valid: tensor('float32', [golden.text_valid[b]]),
      refs: new ort.Tensor('int32', new Int32Array(0), [1, 0]),
      ref_slot: new ort.Tensor('int32', new Int32Array(0), [1, 0]),
    });
    const [, M, D] = golden.memory.dims;
    const T = golden.text[b].length;
    expect(out.memory.dims).toEqual([1, T, D]);
    const valid = golden.text_valid[b].flatMap((v, t) => (v > 0 ? [t] : []));
    const got = valid.flatMap((t) => Array.from((out.memory.data as Float32Array).subarray(t * D, (t + 1) * D)));
    const expected = valid.flatMap((t) => golden.memory.data.slice((b * M + t) * D, (b * M + t + 1) * D));
    expect(maxAbsDiff(Float32Array.from(got), expected)).toBeLessThan(2e-4);
  });

  it('the runtime builds the same encoder inputs, memory_valid and bar positions as training', () => {
    const { max_text, max_ref } = model.card.config;
    const m = memoryInputs(prompts(), references(), max_text, max_ref);
    expect(Array.from(m.text)).toEqual(golden.text.flat());
    expect(Array.from(m.refs)).toEqual(golden.refs.flat());
    expect(Array.from(m.refSlot)).toEqual(golden.ref_slot.flat());
    expect(Array.from(m.memoryValid)).toEqual(golden.memory_valid.flat());
    const words = (ids: number[]) => ids.map((id) => model.vocab.musicToken(id));
    golden.tokens.forEach((row, b) => {
      const all = Array.from(barPositions(words([...row, ...golden.step_tokens[b]])));
      expect(all.slice(0, row.length), `beats of row ${b}`).toEqual(golden.beats[b]);
      expect(all.slice(row.length), `step beats of row ${b}`).toEqual(golden.step_beats[b]);
    });
  });

  it('decoder prefill and one cached step match, attention over words and references included', async () => {
    const session = await model.runner.start(prompts(), references());
    const read = { read: true };
    const prefill = await session.step(
      golden.tokens.map((r) => Int32Array.from(r)),
      read,
    );
    const step = await session.step(
      golden.step_tokens.map((r) => Int32Array.from(r)),
      read,
    );
    expect(prefill.memoryLength).toBe(golden.memory.dims[1]);
    for (const [when, out, expected] of [
      ['prefill', prefill, golden.prefill],
      ['step', step, golden.step],
    ] as const) {
      for (const [name, got] of [
        ['logits', out.logits],
        ['cross_attn', out.crossAttention!],
        ['hidden', out.hidden!],
      ] as const) {
        expect(maxAbsDiff(got, expected[name].data), `${when} ${name}`).toBeLessThan(5e-4);
      }
    }
    session.dispose();
  });
});
