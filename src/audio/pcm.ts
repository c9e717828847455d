/** Audio as plain arrays, so the WAV code and level checks run without Web Audio (e.g. in Node tests). */
export interface PcmAudio {
  readonly sampleRate: number;
  /** One array per channel, all the same length, samples in [-1, 1]. */
  readonly channels: readonly Float32Array[];
}

/** Copies the channels out of a Web Audio buffer. */
export function pcmFromAudioBuffer(buffer: AudioBuffer): PcmAudio {
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
  return { sampleRate: buffer.sampleRate, channels };
}

/** Root mean square level; 0 for an empty array. A rendered tune well under 1e-3 is effectively silent. */
export function rms(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}
