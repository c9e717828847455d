/**
 * Reads a runtime graph's weight pack (<graph>.runtime.weights, written by training/runtime_form.py, whose
 * PACK_FORMAT is the byte layout) back into the float32 file the graph names as its external data. Hand-written:
 * the pack is this project's own storage of int8 rows, which no library reads. Pure, so it runs in the worker and
 * in Node, and its table tests build packs byte by byte.
 */
import { issueText, z } from '../schema/zodMini';

const MAGIC = 'APWP';
const VERSION = 1;
const PREAMBLE_BYTES = 12;

const count = () => z.number().check(z.int(), z.nonnegative());
const float32Bytes = () => z.number().check(z.int(), z.nonnegative(), z.multipleOf(4));
const tensorSchema = z.object({
  name: z.string(),
  dims: z.array(count()),
  offset: float32Bytes(),
  length: float32Bytes(),
  form: z.enum(['float32', 'int8-rows', 'int8-columns']),
  body: count(),
});
const headerSchema = z.object({
  external: z.string().check(z.minLength(1)),
  float32_bytes: float32Bytes(),
  tensors: z.array(tensorSchema),
});
type PackTensor = z.infer<typeof tensorSchema>;

/** A pack that cannot be read; the message says what is wrong, the caller names the file. */
export class WeightPackError extends Error {}

export interface ExternalData {
  /** The file name the graph's initializers point to. */
  readonly path: string;
  /** Its bytes: float32, little-endian. */
  readonly data: Uint8Array<ArrayBuffer>;
}

function readHeader(bytes: Uint8Array): { header: z.infer<typeof headerSchema>; body: Uint8Array } {
  if (bytes.byteLength < PREAMBLE_BYTES || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new WeightPackError('is not a weight pack (it does not start with "APWP")');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new WeightPackError(`is a weight pack of version ${version}, not ${VERSION}`);
  const headerBytes = view.getUint32(8, true);
  if (PREAMBLE_BYTES + headerBytes > bytes.byteLength) throw new WeightPackError('ends inside its header');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes)));
  } catch {
    throw new WeightPackError('has a header that is not JSON');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new WeightPackError(`has a header that does not fit: ${issueText(parsed.error)}`);
  return { header: parsed.data, body: bytes.subarray(PREAMBLE_BYTES + headerBytes) };
}

/** Values the tensor's form needs from the body: [scales, then int8 values] or float32 values, in bytes. */
function bodyBytes(t: PackTensor): number {
  const values = t.length / 4;
  if (t.form === 'float32') return t.length;
  if (t.dims.length !== 2 || t.dims[0] * t.dims[1] !== values)
    throw new WeightPackError(`holds ${t.name} as int8 with dims ${t.dims.join('×')}, which do not fit its length`);
  return 4 * (t.form === 'int8-rows' ? t.dims[0] : t.dims[1]) + values;
}

function restoreTensor(t: PackTensor, body: Uint8Array, out: Float32Array): void {
  const at = body.byteOffset + t.body;
  const start = t.offset / 4;
  if (t.form === 'float32') {
    // Copied byte-wise: a body offset need not be 4-aligned in the page's buffer.
    new Uint8Array(out.buffer, t.offset, t.length).set(body.subarray(t.body, t.body + t.length));
    return;
  }
  const [rows, cols] = t.dims;
  const scaleCount = t.form === 'int8-rows' ? rows : cols;
  const scales = new DataView(body.buffer, at, 4 * scaleCount);
  const q = new Int8Array(body.buffer, at + 4 * scaleCount, rows * cols);
  const scale = Float32Array.from({ length: scaleCount }, (_, i) => scales.getFloat32(4 * i, true));
  // q * scale in double is exact (8 by 24 bits), so one rounding to float32 gives what float32 Mul gives.
  const byRow = t.form === 'int8-rows';
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    const rowScale = byRow ? scale[r] : 0;
    if (byRow) for (let c = 0; c < cols; c++) out[start + row + c] = q[row + c] * rowScale;
    else for (let c = 0; c < cols; c++) out[start + row + c] = q[row + c] * scale[c];
  }
}

/** The external data file a pack restores: every tensor where the header puts it, zeros between them. */
export function unpackWeights(bytes: Uint8Array): ExternalData {
  const { header, body } = readHeader(bytes);
  const out = new Float32Array(header.float32_bytes / 4);
  for (const t of header.tensors) {
    if (t.offset + t.length > header.float32_bytes)
      throw new WeightPackError(`puts ${t.name} past the end of ${header.external}`);
    if (t.body + bodyBytes(t) > body.byteLength) throw new WeightPackError(`ends inside ${t.name}`);
    restoreTensor(t, body, out);
  }
  return { path: header.external, data: new Uint8Array(out.buffer) };
}
