import { emitActivity } from './activity';
import { renderPcm } from '../audio/offlineRender';
import type { PcmAudio } from '../audio/pcm';
import { abcWithProvenance } from '../export/abcExport';
import { downloadFile, fileStem, MIME } from '../export/download';
import { manifestFileName } from '../export/manifest';
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
import { manifestFor, type ExportedAsset } from './provenance/manifestExport';
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

/** What an export saved: the file and its sidecar manifest. */
export interface Exported {
  readonly fileName: string;
  readonly manifestName: string;
  readonly sha256: string;
}

/** Saves the file, then its manifest, which states the SHA-256 of exactly these bytes. */
async function saveWithManifest(tune: Tune, provenance: Provenance, asset: ExportedAsset): Promise<Exported> {
  const manifest = await manifestFor(tune, provenance, asset);
  const manifestName = manifestFileName(asset.name);
  downloadFile(asset.bytes, asset.name, asset.format);
  downloadFile(`${JSON.stringify(manifest, null, 2)}\n`, manifestName, MIME.manifest);
  emitActivity({
    type: 'export',
    format: asset.format === MIME.abc ? 'abc' : asset.format === MIME.midi ? 'midi' : 'wav',
    tuneId: tune.id,
  });
  return { fileName: asset.name, manifestName, sha256: manifest.assertions[3].data.hash };
}

export async function exportAbc(tune: Tune): Promise<Exported> {
  const provenance = await provenanceWithCopyCheck(tune);
  const bytes = new TextEncoder().encode(abcWithProvenance(tune.abc, provenance));
  return saveWithManifest(tune, provenance, { name: `${stem(tune)}.abc`, format: MIME.abc, bytes });
}

export async function exportMidi(tune: Tune): Promise<Exported> {
  const { instrument, tempoBpm } = usePlayback.getState();
  const provenance = await provenanceWithCopyCheck(tune);
  // slice(): a copy backed by a plain ArrayBuffer, which Web Crypto's digest asks for.
  const bytes = midiWithProvenance(tuneSequence(tune.tokens), provenance, {
    instrument,
    tempoBpm,
    title: tuneTitle(tune.prompt),
  }).slice();
  return saveWithManifest(tune, provenance, { name: `${stem(tune)}.mid`, format: MIME.midi, bytes });
}

export async function exportWav(tune: Tune): Promise<Exported> {
  const provenance = await provenanceWithCopyCheck(tune);
  const bytes = wavWithProvenance(await renderTune(tune), provenance, tuneTitle(tune.prompt));
  return saveWithManifest(tune, provenance, { name: `${stem(tune)}.wav`, format: MIME.wav, bytes });
}
