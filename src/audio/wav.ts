import type { PcmAudio } from './pcm';

/** A RIFF chunk: four-character id and its payload (without the 8-byte header or pad byte). */
export interface RiffChunk {
  readonly id: string;
  readonly data: Uint8Array;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Header, payload and a pad byte when the payload length is odd, as RIFF requires. */
export function riffChunkBytes(chunk: RiffChunk): Uint8Array {
  if (!/^[\x20-\x7e]{4}$/.test(chunk.id)) throw new Error(`bad RIFF chunk id "${chunk.id}"`);
  const out = new Uint8Array(8 + chunk.data.length + (chunk.data.length % 2));
  out.set(ascii(chunk.id), 0);
  new DataView(out.buffer).setUint32(4, chunk.data.length, true);
  out.set(chunk.data, 8);
  return out;
}

/** A float sample in [-1, 1] as 16-bit PCM; out-of-range values clip and NaN becomes silence. */
export function toInt16(sample: number): number {
  const s = Number.isNaN(sample) ? 0 : Math.max(-1, Math.min(1, sample));
  return Math.round(s < 0 ? s * 0x8000 : s * 0x7fff);
}

/** 16-bit PCM WAV bytes: RIFF/WAVE with fmt and data chunks, then any extra chunks (e.g. LIST/INFO). */
export function encodeWav(audio: PcmAudio, extraChunks: readonly RiffChunk[] = []): Uint8Array<ArrayBuffer> {
  const { sampleRate, channels } = audio;
  if (channels.length === 0) throw new Error('encodeWav: no channels');
  const frames = channels[0].length;
  if (channels.some((c) => c.length !== frames)) throw new Error('encodeWav: channels differ in length');

  const fmt = new DataView(new ArrayBuffer(16));
  fmt.setUint16(0, 1, true); // PCM
  fmt.setUint16(2, channels.length, true);
  fmt.setUint32(4, sampleRate, true);
  fmt.setUint32(8, sampleRate * channels.length * 2, true); // bytes per second
  fmt.setUint16(12, channels.length * 2, true); // bytes per frame
  fmt.setUint16(14, 16, true); // bits per sample

  const pcm = new DataView(new ArrayBuffer(frames * channels.length * 2));
  for (let i = 0, offset = 0; i < frames; i++) {
    for (const channel of channels) {
      pcm.setInt16(offset, toInt16(channel[i]), true);
      offset += 2;
    }
  }

  const body = [
    { id: 'fmt ', data: new Uint8Array(fmt.buffer) },
    { id: 'data', data: new Uint8Array(pcm.buffer) },
    ...extraChunks,
  ].map(riffChunkBytes);
  const size = 4 + body.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(8 + size);
  out.set(ascii('RIFF'), 0);
  new DataView(out.buffer).setUint32(4, size, true);
  out.set(ascii('WAVE'), 8);
  let offset = 12;
  for (const b of body) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

/** Splits a RIFF file into its form type and top-level chunks; throws if the sizes do not add up. */
export function readRiff(bytes: Uint8Array): { form: string; chunks: RiffChunk[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF') throw new Error('not a RIFF file');
  if (view.getUint32(4, true) !== bytes.length - 8) throw new Error('RIFF size does not match the file length');
  return { form: text(8), chunks: readChunks(bytes.subarray(12)) };
}

/** Reads consecutive chunks (the body of a RIFF form or of a LIST chunk after its type). */
export function readChunks(bytes: Uint8Array): RiffChunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: RiffChunk[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw new Error('truncated chunk header');
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > bytes.length) throw new Error('chunk runs past the end');
    chunks.push({
      id: String.fromCharCode(...bytes.subarray(at, at + 4)),
      data: bytes.subarray(at + 8, at + 8 + size),
    });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** Decodes 16-bit PCM WAV bytes back into float channels (the inverse of encodeWav, for checks). */
export function decodeWav16(bytes: Uint8Array): PcmAudio {
  const { form, chunks } = readRiff(bytes);
  const fmt = chunks.find((c) => c.id === 'fmt ');
  const data = chunks.find((c) => c.id === 'data');
  if (form !== 'WAVE' || !fmt || !data) throw new Error('not a WAVE file');
  const f = new DataView(fmt.data.buffer, fmt.data.byteOffset, fmt.data.byteLength);
  if (f.getUint16(0, true) !== 1 || f.getUint16(14, true) !== 16) throw new Error('not 16-bit PCM');
  const count = f.getUint16(2, true);
  const frames = data.data.length / (2 * count);
  const d = new DataView(data.data.buffer, data.data.byteOffset, data.data.byteLength);
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < count; c++) {
      const v = d.getInt16((i * count + c) * 2, true);
      channels[c][i] = v < 0 ? v / 0x8000 : v / 0x7fff;
    }
  }
  return { sampleRate: f.getUint32(4, true), channels };
}
