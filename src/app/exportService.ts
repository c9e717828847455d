import { emitActivity } from './activity';
import { renderPcm } from '../audio/offlineRender';
import type { PcmAudio } from '../audio/pcm';
import { abcWithProvenance } from '../export/abcExport';
import { downloadFile, fileStem, MIME } from '../export/download';
import { midiWithProvenance } from '../export/midiExport';
import type { Provenance, ReferenceProvenance } from '../export/provenance';
import { referenceProvenance } from '../export/referenceProvenance';
import { wavWithProvenance } from '../export/wavExport';
import { tuneTitle } from '../music/tuneTitle';
import { usePlayback } from '../store/playbackStore';
import type { Tune } from '../store/types';
import { catalogueOptions } from './catalogue/catalogueData';
import { APP_VERSION } from './env';
import { copyFlagFor } from './neighbours/copyCheck';
import { queryClient } from './queryClient';
import { tuneSequence } from './tuneMusic';

/**
 * The tune's provenance; `copyFlag` is the copy measurement's line (see neighbours/copyCheck.ts), `references`
 * the excerpts it was conditioned on (see referenceProvenanceOf).
 */
export function provenanceOf(tune: Tune, copyFlag?: string, references?: readonly ReferenceProvenance[]): Provenance {
  const { seed, ...settings } = tune.settings;
  return {
    app: { name: 'Apparatus', version: APP_VERSION },
    modelSha256: tune.modelSha256,
    prompt: tune.prompt,
    seed,
    settings: { ...settings, backend: tune.backend, origin: tune.origin, prefixLength: tune.prefixLength },
    timestamp: new Date(tune.createdAt).toISOString(),
    conditioning: tune.tokens.slice(0, 2).join(' '),
    ...(references?.length ? { references } : {}),
    ...(copyFlag ? { copyFlag } : {}),
  };
}

/** The tune as audio with the instrument and tempo chosen in the player. */
export function renderTune(tune: Pick<Tune, 'tokens'>): Promise<PcmAudio> {
  const { instrument, tempoBpm } = usePlayback.getState();
  return renderPcm(tuneSequence(tune.tokens), { instrument, tempoBpm, channels: 1 });
}

const stem = (tune: Tune) => `${fileStem(tuneTitle(tune.prompt))}-${tune.settings.seed}`;

/** The tune's references with their credits, from the catalogue the corpus panels share (loaded once). */
export const referenceProvenanceOf = (tune: Pick<Tune, 'references'>): Promise<ReferenceProvenance[]> =>
  referenceProvenance(tune.references ?? [], () => queryClient.ensureQueryData(catalogueOptions));

const provenanceWithCopyCheck = async (tune: Tune) => {
  const [copyFlag, references] = await Promise.all([copyFlagFor(tune.tokens), referenceProvenanceOf(tune)]);
  return provenanceOf(tune, copyFlag, references);
};

export async function exportAbc(tune: Tune): Promise<void> {
  const abc = abcWithProvenance(tune.abc, await provenanceWithCopyCheck(tune));
  downloadFile(abc, `${stem(tune)}.abc`, MIME.abc);
  emitActivity({ type: 'export', format: 'abc', tuneId: tune.id });
}

export async function exportMidi(tune: Tune): Promise<void> {
  const { instrument, tempoBpm } = usePlayback.getState();
  const bytes = midiWithProvenance(tuneSequence(tune.tokens), await provenanceWithCopyCheck(tune), {
    instrument,
    tempoBpm,
    title: tuneTitle(tune.prompt),
  });
  downloadFile(bytes, `${stem(tune)}.mid`, MIME.midi);
  emitActivity({ type: 'export', format: 'midi', tuneId: tune.id });
}

export async function exportWav(tune: Tune): Promise<void> {
  const bytes = wavWithProvenance(await renderTune(tune), await provenanceWithCopyCheck(tune), tuneTitle(tune.prompt));
  downloadFile(bytes, `${stem(tune)}.wav`, MIME.wav);
  emitActivity({ type: 'export', format: 'wav', tuneId: tune.id });
}
