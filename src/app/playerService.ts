import { TunePlayer } from '../audio/player';
import type { InstrumentName } from '../audio/instruments';
import { usePlayback } from '../store/playbackStore';
import { useTune } from '../store/tuneStore';
import { mapTune } from './tuneMap';
import { tuneSequence } from './tuneMusic';

/** The page's one player; Tone.js objects stay here, out of the store. */
let player: TunePlayer | null = null;
/** Note ordinal of each note event index of the tune being played. */
let ordinalOfEvent = new Map<number, number>();

function getPlayer(): TunePlayer {
  player ??= new TunePlayer({
    callbacks: {
      onNote: (note) => useTune.getState().setPlayingNote(note ? (ordinalOfEvent.get(note.event) ?? null) : null),
      onEnd: () => usePlayback.getState().set({ state: 'stopped' }),
    },
  });
  return player;
}

async function ensureInstrument(instrument: InstrumentName): Promise<void> {
  const p = getPlayer();
  if (p.instrument === instrument) return;
  usePlayback.getState().set({ loading: true, error: null });
  try {
    await p.load(instrument);
  } finally {
    usePlayback.getState().set({ loading: false });
  }
}

export async function play(): Promise<void> {
  const tune = useTune.getState().current;
  if (!tune) return;
  const { instrument, tempoBpm, loop, set } = usePlayback.getState();
  try {
    await ensureInstrument(instrument);
    const map = mapTune(tune.tokens);
    ordinalOfEvent = new Map(map.noteEvents.map((e, k) => [e, k]));
    await getPlayer().play(tuneSequence(tune.tokens), { tempoBpm, loop });
    set({ state: getPlayer().state, error: null });
  } catch (e) {
    set({ state: 'stopped', error: `Playback failed: ${e instanceof Error ? e.message : String(e)}` });
  }
}

export function pause(): void {
  player?.pause();
  usePlayback.getState().set({ state: player?.state ?? 'stopped' });
}

export function resume(): void {
  player?.resume();
  usePlayback.getState().set({ state: player?.state ?? 'stopped' });
}

export function stop(): void {
  player?.stop();
  usePlayback.getState().set({ state: 'stopped' });
}

export function setTempo(bpm: number): void {
  usePlayback.getState().set({ tempoBpm: bpm });
  player?.setTempo(bpm);
}

export function setLoop(loop: boolean): void {
  usePlayback.getState().set({ loop });
  player?.setLoop(loop);
}

export async function setInstrument(instrument: InstrumentName): Promise<void> {
  usePlayback.getState().set({ instrument });
  if (player) await ensureInstrument(instrument).catch((e) => usePlayback.getState().set({ error: String(e) }));
}
