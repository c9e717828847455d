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

/** Told when the tune it started stops sounding: at its end, when stopped, or when another tune replaces it. */
let ended: (() => void) | null = null;
const endCurrent = () => {
  const e = ended;
  ended = null;
  e?.();
};

export async function playCatalogueTune(tokens: readonly string[], onEnd: () => void): Promise<void> {
  stopWorkbench();
  const { instrument, tempoBpm } = usePlayback.getState();
  player ??= new TunePlayer();
  player.stop();
  // Several panels share this player: the one whose tune is replaced must hear that it stopped.
  endCurrent();
  ended = onEnd;
  player.callbacks = { onEnd: endCurrent };
  if (player.instrument !== instrument) await player.load(instrument);
  await player.play(tuneSequence(tokens), { tempoBpm, loop: false });
}

export function stopCatalogueTune(): void {
  player?.stop();
  endCurrent();
}
