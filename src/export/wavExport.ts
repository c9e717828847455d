import type { PcmAudio } from '../audio/pcm';
import { encodeWav, readChunks, riffChunkBytes, type RiffChunk } from '../audio/wav';
import { provenanceLines, provenanceSummary, type Provenance } from './provenance';

const encoder = new TextEncoder();

/** An INFO sub-chunk: NUL-terminated text (UTF-8; the format predates encodings, and players accept it). */
const infoText = (id: string, text: string): RiffChunk => {
  const bytes = encoder.encode(text);
  const data = new Uint8Array(bytes.length + 1);
  data.set(bytes);
  return { id, data };
};

/** A LIST chunk of type INFO: ISFT software, ICRD creation date, INAM title, ICMT the provenance lines. */
export function infoChunk(p: Provenance, title?: string): RiffChunk {
  const entries = [
    infoText('ISFT', `${p.app.name} ${p.app.version}`),
    infoText('ICRD', p.timestamp.slice(0, 10)), // INFO dates are YYYY-MM-DD
    infoText('INAM', title ?? provenanceSummary(p)),
    infoText('ICMT', provenanceLines(p).join('\n')),
  ];
  // Each sub-chunk carries its own header and pad byte, exactly like a top-level chunk.
  const parts = [encoder.encode('INFO'), ...entries.map(riffChunkBytes)];
  const data = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) {
    data.set(b, at);
    at += b.length;
  }
  return { id: 'LIST', data };
}

/** 16-bit PCM WAV with a LIST/INFO chunk after the audio data. */
export function wavWithProvenance(audio: PcmAudio, p: Provenance, title?: string): Uint8Array<ArrayBuffer> {
  return encodeWav(audio, [infoChunk(p, title)]);
}

/** Reads the INFO entries of a LIST chunk back as id -> text (trailing NULs dropped). */
export function readInfo(list: RiffChunk): Record<string, string> {
  const type = String.fromCharCode(...list.data.subarray(0, 4));
  if (list.id !== 'LIST' || type !== 'INFO') throw new Error('not a LIST/INFO chunk');
  const decoder = new TextDecoder();
  return Object.fromEntries(
    readChunks(list.data.subarray(4)).map((c) => [c.id, decoder.decode(c.data).replace(/\0+$/, '')]),
  );
}
