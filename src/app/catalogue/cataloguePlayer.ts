/**
 * Plays a catalogue tune with the page's instrument and tempo. The workbench's player service plays the tune on
 * show; this keeps its own TunePlayer so listening to a training tune does not replace the generation, and
 * stops the workbench player first so only one sounds.
 */
import { TunePlayer } from '../../audio/player';
import { usePlayback } from '../../store/playbackStore';
import { stop as stopWorkbench } from '../playerService';
import { tuneSequence } from '../tuneMusic';

let player: TunePlayer | null = null;

export async function playCatalogueTune(tokens: readonly string[], onEnd: () => void): Promise<void> {
  stopWorkbench();
  const { instrument, tempoBpm } = usePlayback.getState();
  player ??= new TunePlayer();
  player.stop();
  player.callbacks = { onEnd };
  if (player.instrument !== instrument) await player.load(instrument);
  await player.play(tuneSequence(tokens), { tempoBpm, loop: false });
}

export function stopCatalogueTune(): void {
  player?.stop();
}
