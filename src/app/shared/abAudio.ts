import { encodeWav } from '../../audio/wav';
import { usePlayback } from '../../store/playbackStore';
import type { Tune } from '../../store/types';
import { renderTune } from '../exportService';
import { stop as stopPlayer } from '../playerService';

/**
 * A/B listening. The page's player (Tone's one Transport) plays the tune on show; A and B are rendered
 * offline with the player's instrument and tempo and played as plain audio, so the two never share a clock.
 */
let audio: HTMLAudioElement | null = null;
let url: string | null = null;
let listening = false;
let onEnd: (() => void) | null = null;

export function stopAB(): void {
  audio?.pause();
  audio = null;
  if (url) URL.revokeObjectURL(url);
  url = null;
  onEnd?.();
  onEnd = null;
}

export async function playAB(tune: Pick<Tune, 'tokens'>, ended: () => void): Promise<void> {
  stopAB();
  stopPlayer();
  if (!listening) {
    listening = true;
    // The page's player starting stops A/B, so two tunes never sound at once.
    usePlayback.subscribe((s, prev) => {
      if (s.state === 'playing' && prev.state !== 'playing') stopAB();
    });
  }
  const pcm = await renderTune(tune);
  const bytes = encodeWav(pcm);
  url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'audio/wav' }));
  audio = new Audio(url);
  onEnd = ended;
  audio.onended = () => stopAB();
  await audio.play();
}
