import { describe, expect, it } from 'vitest';
import { unpackWeights, WeightPackError } from './weightPack';

interface Tensor {
  name: string;
  dims: number[];
  offset: number;
  length: number;
  form: 'float32' | 'int8-rows' | 'int8-columns';
  /** Scales then int8 values, or float32 values. */
  scales?: number[];
  values: number[];
}

/** A pack laid out as training/runtime_form.py lays it out. */
function packOf(tensors: Tensor[], float32Bytes: number, override: Record<string, unknown> = {}, version = 1) {
  const parts: Uint8Array[] = [];
  let body = 0;
  const header = tensors.map(({ scales, values, ...t }) => {
    const at = body;
    const bytes =
      t.form === 'float32'
        ? new Uint8Array(Float32Array.from(values).buffer)
        : new Uint8Array([
            ...new Uint8Array(Float32Array.from(scales!).buffer),
            ...new Uint8Array(Int8Array.from(values).buffer),
          ]);
    const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
    padded.set(bytes);
    parts.push(padded);
    body += padded.length;
    return { ...t, body: at };
  });
  let head = JSON.stringify({ external: 'g.f32', float32_bytes: float32Bytes, tensors: header, ...override });
  head += ' '.repeat((4 - (head.length % 4)) % 4);
  const preamble = new Uint8Array(12);
  preamble.set(new TextEncoder().encode('APWP'));
  new DataView(preamble.buffer).setUint32(4, version, true);
  new DataView(preamble.buffer).setUint32(8, head.length, true);
  return new Uint8Array([...preamble, ...new TextEncoder().encode(head), ...parts.flatMap((p) => [...p])]);
}

const floats = (data: Uint8Array) => Array.from(new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4));

describe('unpackWeights', () => {
  it.each([
    {
      name: 'float32 tensors as they are, zeros where no tensor is',
      tensors: [{ name: 'b', dims: [2], offset: 8, length: 8, form: 'float32', values: [1.5, -2] }] as Tensor[],
      bytes: 20,
      expected: [0, 0, 1.5, -2, 0],
    },
    {
      name: 'int8 rows: a scale per row',
      tensors: [
        {
          name: 'w',
          dims: [2, 3],
          offset: 0,
          length: 24,
          form: 'int8-rows',
          scales: [0.5, 2],
          values: [1, -2, 3, 4, 0, -127],
        },
      ] as Tensor[],
      bytes: 24,
      expected: [0.5, -1, 1.5, 8, 0, -254],
    },
    {
      name: 'int8 columns: a scale per column',
      tensors: [
        {
          name: 'w',
          dims: [2, 2],
          offset: 4,
          length: 16,
          form: 'int8-columns',
          scales: [0.25, 10],
          values: [4, 1, -8, 2],
        },
      ] as Tensor[],
      bytes: 20,
      expected: [0, 1, 10, -2, 20],
    },
    {
      name: 'several tensors, a body offset that is not a multiple of 4 in the page buffer',
      tensors: [
        { name: 'w', dims: [1, 3], offset: 0, length: 12, form: 'int8-rows', scales: [1], values: [1, 2, 3] },
        { name: 'b', dims: [1], offset: 12, length: 4, form: 'float32', values: [7] },
      ] as Tensor[],
      bytes: 16,
      expected: [1, 2, 3, 7],
    },
  ])('restores $name', ({ tensors, bytes, expected }) => {
    const out = unpackWeights(packOf(tensors, bytes));
    expect(out.path).toBe('g.f32');
    expect(out.data.byteLength).toBe(bytes);
    expect(floats(out.data)).toEqual(expected);
  });

  it('restores float32 exactly: q * scale rounded once, as float32 Mul gives it', () => {
    const scale = Math.fround(0.0123456789);
    const values = [-127, -3, 1, 77, 127];
    const out = unpackWeights(
      packOf([{ name: 'w', dims: [1, 5], offset: 0, length: 20, form: 'int8-rows', scales: [scale], values }], 20),
    );
    expect(floats(out.data)).toEqual(values.map((q) => Math.fround(q * scale)));
  });

  it('reads a pack that sits inside a larger buffer', () => {
    const pack = packOf([{ name: 'b', dims: [1], offset: 0, length: 4, form: 'float32', values: [3] }], 4);
    const bigger = new Uint8Array(pack.length + 3);
    bigger.set(pack, 3);
    expect(floats(unpackWeights(bigger.subarray(3)).data)).toEqual([3]);
  });

  const one: Tensor[] = [
    { name: 'w', dims: [2, 2], offset: 0, length: 16, form: 'int8-rows', scales: [1, 1], values: [1, 2, 3, 4] },
  ];
  it.each([
    { name: 'another file', bytes: new TextEncoder().encode('<html>not found</html>'), message: /not a weight pack/ },
    { name: 'too short to hold a header', bytes: new Uint8Array([65, 80]), message: /not a weight pack/ },
    { name: 'a later version', bytes: packOf(one, 16, {}, 2), message: /version 2, not 1/ },
    { name: 'a truncated header', bytes: packOf(one, 16).subarray(0, 40), message: /ends inside its header/ },
    { name: 'a header missing a field', bytes: packOf(one, 16, { external: undefined }), message: /does not fit/ },
    { name: 'an unknown form', bytes: packOf([{ ...one[0], form: 'int4' as 'float32' }], 16), message: /does not fit/ },
    { name: 'a tensor past the end', bytes: packOf(one, 12), message: /puts w past the end of g.f32/ },
    { name: 'a truncated body', bytes: packOf(one, 16).subarray(0, -2), message: /ends inside w/ },
    {
      name: 'int8 dims that do not fit the length',
      bytes: packOf([{ ...one[0], dims: [3, 2] }], 16),
      message: /dims 3×2, which do not fit its length/,
    },
  ])('refuses $name with a message', ({ bytes, message }) => {
    expect(() => unpackWeights(bytes)).toThrow(WeightPackError);
    expect(() => unpackWeights(bytes)).toThrow(message);
  });
});
