import { describe, expect, test } from 'vitest';
import type { PcmAudio } from './pcm';
import { decodeWav16, encodeWav, readRiff, riffChunkBytes, toInt16 } from './wav';

const text = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Deterministic test signal: a ramp per channel, different for each. */
const ramp = (channels: number, frames: number, sampleRate: number): PcmAudio => ({
  sampleRate,
  channels: Array.from({ length: channels }, (_, c) =>
    Float32Array.from({ length: frames }, (_, i) => ((i * 7 + c * 3) % 17) / 8 - 1),
  ),
});

describe('encodeWav header', () => {
  test.each([
    [1, 22050, 0],
    [1, 44100, 5],
    [2, 44100, 3],
    [2, 48000, 1000],
  ])('%d channel(s), %d Hz, %d frames', (channels, sampleRate, frames) => {
    const wav = encodeWav(ramp(channels, frames, sampleRate));
    const v = view(wav);
    const dataBytes = frames * channels * 2;
    expect(wav.length).toBe(44 + dataBytes);
    expect([text(wav, 0), text(wav, 8), text(wav, 12), text(wav, 36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(v.getUint32(4, true)).toBe(wav.length - 8);
    expect(v.getUint32(16, true)).toBe(16); // fmt size
    expect(v.getUint16(20, true)).toBe(1); // PCM
    expect(v.getUint16(22, true)).toBe(channels);
    expect(v.getUint32(24, true)).toBe(sampleRate);
    expect(v.getUint32(28, true)).toBe(sampleRate * channels * 2);
    expect(v.getUint16(32, true)).toBe(channels * 2);
    expect(v.getUint16(34, true)).toBe(16);
    expect(v.getUint32(40, true)).toBe(dataBytes);
  });

  test.each([
    ['no channels', { sampleRate: 8000, channels: [] }],
    ['ragged channels', { sampleRate: 8000, channels: [new Float32Array(3), new Float32Array(2)] }],
  ])('rejects %s', (_, audio) => expect(() => encodeWav(audio)).toThrow());
});

describe('encodeWav samples', () => {
  test.each([
    [0, 0],
    [1, 32767],
    [-1, -32768],
    [0.5, 16384],
    [-0.5, -16384],
    [1.5, 32767],
    [-3, -32768],
    [Number.NaN, 0],
  ])('toInt16(%d) = %d', (sample, int) => expect(toInt16(sample)).toBe(int));

  test('interleaves channels frame by frame, little-endian', () => {
    const wav = encodeWav({ sampleRate: 8000, channels: [Float32Array.of(1, 0), Float32Array.of(-1, 0.5)] });
    const v = view(wav);
    expect([0, 1, 2, 3].map((i) => v.getInt16(44 + 2 * i, true))).toEqual([32767, -32768, 0, 16384]);
  });

  test('decodes back to the same samples within one step', () => {
    const audio = ramp(2, 257, 22050);
    const back = decodeWav16(encodeWav(audio));
    expect(back.sampleRate).toBe(22050);
    back.channels.forEach((channel, c) => {
      channel.forEach((s, i) => expect(Math.abs(s - audio.channels[c][i])).toBeLessThan(1 / 32767));
    });
  });
});

describe('extra chunks', () => {
  test.each([
    ['even payload', 4],
    ['odd payload', 5],
    ['empty payload', 0],
  ])('%s is padded to even and counted in the RIFF size', (_, size) => {
    const data = Uint8Array.from({ length: size }, (_, i) => i + 1);
    const wav = encodeWav(ramp(1, 3, 8000), [
      { id: 'test', data },
      { id: 'next', data: Uint8Array.of(9, 9) },
    ]);
    expect(wav.length % 2).toBe(0);
    const { form, chunks } = readRiff(wav);
    expect(form).toBe('WAVE');
    expect(chunks.map((c) => c.id)).toEqual(['fmt ', 'data', 'test', 'next']);
    expect([...chunks[2].data]).toEqual([...data]);
    expect([...chunks[3].data]).toEqual([9, 9]);
  });

  test('rejects a malformed chunk id', () => {
    expect(() => riffChunkBytes({ id: 'TOOLONG', data: new Uint8Array(0) })).toThrow();
  });
});
