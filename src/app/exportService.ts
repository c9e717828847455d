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
import { copyFlagFor } from './neighbours/copyCheck';
import { tuneSequence, tuneTitle } from './tuneMusic';

/** The tune's provenance; `copyFlag` is the copy measurement's line (see neighbours/copyCheck.ts). */
export function provenanceOf(tune: Tune, copyFlag?: string): Provenance {
  const { seed, ...settings } = tune.settings;
  return {
    app: { name: 'Apparatus', version: APP_VERSION },
    modelSha256: tune.modelSha256,
    prompt: tune.prompt,
    seed,
    settings: { ...settings, backend: tune.backend, origin: tune.origin, prefixLength: tune.prefixLength },
    timestamp: new Date(tune.createdAt).toISOString(),
    conditioning: tune.tokens.slice(0, 2).join(' '),
    ...(copyFlag ? { copyFlag } : {}),
  };
}

/** The tune as audio with the instrument and tempo chosen in the player. */
export function renderTune(tune: Pick<Tune, 'tokens'>): Promise<PcmAudio> {
  const { instrument, tempoBpm } = usePlayback.getState();
  return renderPcm(tuneSequence(tune.tokens), { instrument, tempoBpm, channels: 1 });
}

const stem = (tune: Tune) => `${fileStem(tuneTitle(tune.prompt))}-${tune.settings.seed}`;

const provenanceWithCopyCheck = async (tune: Tune) => provenanceOf(tune, await copyFlagFor(tune.tokens));

export async function exportAbc(tune: Tune): Promise<void> {
  const abc = abcWithProvenance(tune.abc, await provenanceWithCopyCheck(tune));
  downloadFile(abc, `${stem(tune)}.abc`, MIME.abc);
}

export async function exportMidi(tune: Tune): Promise<void> {
  const { instrument, tempoBpm } = usePlayback.getState();
  const bytes = midiWithProvenance(tuneSequence(tune.tokens), await provenanceWithCopyCheck(tune), {
    instrument,
    tempoBpm,
    title: tuneTitle(tune.prompt),
  });
  downloadFile(bytes, `${stem(tune)}.mid`, MIME.midi);
}

export async function exportWav(tune: Tune): Promise<void> {
  const bytes = wavWithProvenance(await renderTune(tune), await provenanceWithCopyCheck(tune), tuneTitle(tune.prompt));
  downloadFile(bytes, `${stem(tune)}.wav`, MIME.wav);
}
