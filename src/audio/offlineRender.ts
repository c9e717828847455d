import type { NoteSequence } from '../music/noteSequence';
import { pcmFromAudioBuffer, type PcmAudio } from './pcm';
import { loadSampleBuffers } from './samples';
import { beatsToSeconds } from './schedule';
import { loadTone } from './toneLoader';

export { encodeWav } from './wav';

export interface OfflineRenderOptions {
  readonly instrument: string;
  readonly tempoBpm: number;
  /** Folder holding manifest.json; defaults to "samples/" under Vite's BASE_URL. */
  readonly baseUrl?: string;
  readonly sampleRate?: number;
  /** The samples are mono, so one channel loses nothing. */
  readonly channels?: 1 | 2;
  /** Room after the last note for its release to ring out. */
  readonly tailSeconds?: number;
}

const LEAD_S = 0.05; // a start at exactly 0 can clip the first attack
const VELOCITY = 0.8;
const RELEASE_S = 0.12;

/** Renders the tune faster than real time with the same samples the player uses. */
export async function renderOffline(seq: NoteSequence, opts: OfflineRenderOptions): Promise<AudioBuffer> {
  const [tone, buffers] = await Promise.all([loadTone(), loadSampleBuffers(opts.instrument, opts.baseUrl)]);
  const seconds = (beats: number) => beatsToSeconds(beats, opts.tempoBpm);
  const duration = LEAD_S + seconds(seq.totalBeats) + (opts.tailSeconds ?? 1.5);
  const rendered = await tone.Offline(
    () => {
      const sampler = new tone.Sampler({ urls: buffers, release: RELEASE_S }).toDestination();
      for (const note of seq.notes) {
        const hz = tone.Frequency(note.midi, 'midi').toFrequency();
        sampler.triggerAttackRelease(hz, seconds(note.durationBeats), LEAD_S + seconds(note.startBeats), VELOCITY);
      }
    },
    duration,
    opts.channels ?? 1,
    opts.sampleRate ?? 44100,
  );
  const buffer = rendered.get();
  if (!buffer) throw new Error('offline render produced no audio');
  return buffer;
}

/** renderOffline, as plain arrays ready for encodeWav or rms. */
export async function renderPcm(seq: NoteSequence, opts: OfflineRenderOptions): Promise<PcmAudio> {
  return pcmFromAudioBuffer(await renderOffline(seq, opts));
}
