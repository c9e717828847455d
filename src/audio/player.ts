import type { Part, Sampler } from 'tone';
import type { NoteSequence, SeqNote } from '../music/noteSequence';
import { loadSampleBuffers } from './samples';
import { beatsToTicks, cues, type Cue } from './schedule';
import { loadTone, type ToneModule } from './toneLoader';

/** What a score view listens to. Callbacks run on animation frames, in step with what is heard. */
export interface PlayerCallbacks {
  /** A note starts sounding, or (null) the melody falls silent: at a rest, on stop() and at the end. */
  onNote?: (note: SeqNote | null) => void;
  /** The playhead in quarter-note beats from the start of the tune, once per animation frame while playing. */
  onPosition?: (beats: number) => void;
  /** Playback ran off the end of the tune: never while looping, and not after stop(). */
  onEnd?: () => void;
}

export interface PlayOptions {
  readonly tempoBpm: number;
  readonly loop: boolean;
}

export interface TunePlayerOptions {
  /** Folder holding manifest.json; defaults to "samples/" under Vite's BASE_URL. */
  readonly baseUrl?: string;
  readonly callbacks?: PlayerCallbacks;
}

export type PlayerState = 'stopped' | 'playing' | 'paused';

type TimedCue = Cue & { readonly time: string };

const VELOCITY = 0.8;
const RELEASE_S = 0.12;

/**
 * Plays a NoteSequence on a sampled instrument. Notes sit on Tone's Transport (in ticks, so tempo changes
 * apply mid-tune) through one Part; pause, resume and looping are the Transport's. Tone's Transport is a
 * single shared clock: this player assumes it is the only thing using it.
 */
export class TunePlayer {
  callbacks: PlayerCallbacks;
  private tone: ToneModule | null = null;
  private sampler: Sampler | null = null;
  private instrumentName: string | null = null;
  private loadToken = 0;
  private part: Part<TimedCue> | null = null;
  private endEvent: number | null = null;
  private frame: number | null = null;
  private current: PlayerState = 'stopped';
  private tempoBpm = 120;
  private loop = false;

  constructor(private readonly options: TunePlayerOptions = {}) {
    this.callbacks = options.callbacks ?? {};
  }

  get state(): PlayerState {
    return this.current;
  }

  /** The instrument whose samples are loaded, or null before load() finishes. */
  get instrument(): string | null {
    return this.instrumentName;
  }

  /** Loads an instrument from the sample manifest. Safe while playing: later notes use the new samples. */
  async load(instrument: string): Promise<void> {
    const token = ++this.loadToken;
    const [tone, buffers] = await Promise.all([loadTone(), loadSampleBuffers(instrument, this.options.baseUrl)]);
    if (token !== this.loadToken) return; // a later load() call won
    this.tone = tone;
    const previous = this.sampler;
    this.sampler = new tone.Sampler({ urls: buffers, release: RELEASE_S }).toDestination();
    this.instrumentName = instrument;
    previous?.releaseAll().dispose();
  }

  /** Starts the tune from the beginning. Call from a user gesture: it resumes the AudioContext. */
  async play(seq: NoteSequence, opts: PlayOptions): Promise<void> {
    const tone = this.tone;
    if (!tone || !this.sampler) throw new Error('TunePlayer: load() an instrument before play()');
    checkTempo(opts.tempoBpm);
    await tone.start();
    this.halt();
    this.tempoBpm = opts.tempoBpm;
    this.loop = opts.loop;
    if (seq.notes.length === 0 || seq.totalBeats <= 0) {
      this.callbacks.onEnd?.();
      return;
    }

    const transport = tone.getTransport();
    const at = (beats: number) => `${beatsToTicks(beats, transport.PPQ)}i`;
    const draw = tone.getDraw();
    const events = cues(seq).map((c) => ({ ...c, time: at(c.beats) }));
    this.part = new tone.Part<TimedCue>((time, cue) => {
      if (cue.note) {
        const hz = tone.Frequency(cue.note.midi, 'midi').toFrequency();
        this.sampler?.triggerAttackRelease(hz, at(cue.note.durationBeats), time, VELOCITY);
      }
      draw.schedule(() => this.callbacks.onNote?.(cue.note), time);
    }, events).start(0);

    transport.bpm.value = opts.tempoBpm;
    transport.setLoopPoints(0, at(seq.totalBeats));
    transport.loop = opts.loop;
    // Never reached while looping: the Transport wraps to the loop start before running events at loopEnd.
    this.endEvent = transport.schedule((time) => draw.schedule(() => this.finish(), time), at(seq.totalBeats));
    transport.start();
    this.current = 'playing';
    this.startFrames();
  }

  pause(): void {
    if (this.current !== 'playing' || !this.tone) return;
    this.tone.getTransport().pause();
    this.sampler?.releaseAll();
    this.current = 'paused';
  }

  resume(): void {
    if (this.current !== 'paused' || !this.tone) return;
    this.tone.getTransport().start();
    this.current = 'playing';
    this.startFrames();
  }

  /** Stops and rewinds. Reports a silent note and position 0, but not onEnd. */
  stop(): void {
    if (this.current === 'stopped') return;
    this.halt();
    this.callbacks.onNote?.(null);
    this.callbacks.onPosition?.(0);
  }

  setTempo(bpm: number): void {
    checkTempo(bpm);
    this.tempoBpm = bpm;
    if (this.tone) this.tone.getTransport().bpm.value = bpm;
  }

  setLoop(loop: boolean): void {
    this.loop = loop;
    if (this.tone && this.current !== 'stopped') this.tone.getTransport().loop = loop;
  }

  get settings(): PlayOptions {
    return { tempoBpm: this.tempoBpm, loop: this.loop };
  }

  dispose(): void {
    this.stop();
    this.sampler?.dispose();
    this.sampler = null;
    this.instrumentName = null;
  }

  /** Ran off the end (scheduled on the Transport, run on the animation frame that hears it). */
  private finish(): void {
    if (this.current !== 'playing') return;
    this.halt();
    this.callbacks.onNote?.(null);
    this.callbacks.onEnd?.();
  }

  /** Stops the Transport and removes this player's events, without callbacks. */
  private halt(): void {
    const tone = this.tone;
    if (tone) {
      const transport = tone.getTransport();
      transport.stop();
      if (this.endEvent !== null) transport.clear(this.endEvent);
      tone.getDraw().cancel(0);
    }
    this.part?.dispose();
    this.part = null;
    this.endEvent = null;
    this.sampler?.releaseAll();
    this.current = 'stopped';
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private startFrames(): void {
    if (this.frame !== null) return;
    const tick = () => {
      const tone = this.tone;
      if (!tone || this.current !== 'playing') {
        this.frame = null;
        return;
      }
      // Ticks at the audio clock's "now", not Tone's look-ahead time, so the playhead matches the sound.
      const transport = tone.getTransport();
      this.callbacks.onPosition?.(transport.getTicksAtTime(tone.immediate()) / transport.PPQ);
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }
}

function checkTempo(bpm: number): void {
  if (!Number.isFinite(bpm) || bpm <= 0) throw new Error(`bad tempo ${bpm}`);
}
