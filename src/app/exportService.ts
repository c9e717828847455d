import { renderPcm } from '../audio/offlineRender';
import type { PcmAudio } from '../audio/pcm';
import { abcWithProvenance } from '../export/abcExport';
import { downloadFile, fileStem, MIME } from '../export/download';
import { midiWithProvenance } from '../export/midiExport';
import type { Provenance } from '../export/provenance';
import { wavWithProvenance } from '../export/wavExport';
import { usePlayback } from '../store/playbackStore';
import type { Tune } from '../store/types';
import { APP_VERSION } from './env';
import { tuneSequence, tuneTitle } from './tuneMusic';

export function provenanceOf(tune: Tune): Provenance {
  const { seed, ...settings } = tune.settings;
  return {
    app: { name: 'Apparatus', version: APP_VERSION },
    modelSha256: tune.modelSha256,
    prompt: tune.prompt,
    seed,
    settings: { ...settings, backend: tune.backend, origin: tune.origin, prefixLength: tune.prefixLength },
    timestamp: new Date(tune.createdAt).toISOString(),
    conditioning: tune.tokens.slice(0, 2).join(' '),
  };
}

/** The tune as audio with the instrument and tempo chosen in the player. */
export function renderTune(tune: Tune): Promise<PcmAudio> {
  const { instrument, tempoBpm } = usePlayback.getState();
  return renderPcm(tuneSequence(tune.tokens), { instrument, tempoBpm, channels: 1 });
}

const stem = (tune: Tune) => `${fileStem(tuneTitle(tune.prompt))}-${tune.settings.seed}`;

export function exportAbc(tune: Tune): void {
  const abc = abcWithProvenance(tune.abc, provenanceOf(tune));
  downloadFile(abc, `${stem(tune)}.abc`, MIME.abc);
}

export function exportMidi(tune: Tune): void {
  const { instrument, tempoBpm } = usePlayback.getState();
  const bytes = midiWithProvenance(tuneSequence(tune.tokens), provenanceOf(tune), {
    instrument,
    tempoBpm,
    title: tuneTitle(tune.prompt),
  });
  downloadFile(bytes, `${stem(tune)}.mid`, MIME.midi);
}

export async function exportWav(tune: Tune): Promise<void> {
  const bytes = wavWithProvenance(await renderTune(tune), provenanceOf(tune), tuneTitle(tune.prompt));
  downloadFile(bytes, `${stem(tune)}.wav`, MIME.wav);
}
