/**
 * Gathers what an export's manifest states: the tune's provenance, each reference's terms from the rights
 * registry in force (with edits), the measured shares where a reading supplied them, the training-time
 * estimate, and the SHA-256 of the exact bytes being saved.
 */
import { buildManifest, type ReferenceAttribution } from '../../export/manifest';
import type { ApparatusManifest, ReferenceClaim } from '../../export/manifestSchema';
import type { Provenance } from '../../export/provenance';
import type { Registry } from '../../rights/registrySchema';
import { termsForSource } from '../../rights/terms';
import type { Tune } from '../../store/types';
import { sha256Hex } from '../../worker/modelFiles';
import type { AblationResult } from '../../explain/ablation';
import { tokensToNoteSequence } from '../../explain/neighboursIndex';
import { referencePassages } from '../../explain/referencePassages';
import { ablationOptions } from '../attribution/attributionData';
import { catalogueOptions } from '../catalogue/catalogueData';
import { currentModel } from '../modelService';
import { queryClient } from '../queryClient';
import { startRights } from '../rights/rightsService';
import { useRights } from '../rights/rightsStore';
import { trainingTopKFor } from './trainingTopK';

export interface ExportedAsset {
  readonly name: string;
  readonly format: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

type Shares = ReferenceClaim['shares'];

/**
 * Each reference's measured shares: the ablation reading the attribution panel shows (the same cached query),
 * and the shared passages. Without the model that wrote the tune there is no ablation reading, and the note says so.
 */
async function measuredShares(tune: Tune): Promise<Shares[]> {
  const refs = tune.references ?? [];
  if (refs.length === 0) return [];
  const passages = referencePassages(
    tokensToNoteSequence(tune.tokens),
    refs.map((r) => tokensToNoteSequence(r.tokens)),
  );
  const model = currentModel();
  let ablation: AblationResult | null = null;
  let note: string | undefined;
  if (model?.modelSha256 !== tune.modelSha256) {
    note = 'no ablation reading: the model that wrote this tune is not loaded';
  } else {
    try {
      ablation = await queryClient.ensureQueryData(ablationOptions(tune, model.modelSha256));
    } catch (e) {
      note = `no ablation reading: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return refs.map((_, i) => ({
    ablation: ablation?.references[i]?.share ?? null,
    passages: passages[i]?.share ?? null,
    ...(note ? { note } : {}),
  }));
}

/** Resolves once the rights store has left 'loading' (a panel may have started the load before this export). */
const rightsSettled = (): Promise<void> =>
  new Promise((resolve) => {
    if (useRights.getState().status !== 'loading') return resolve();
    const stop = useRights.subscribe((s) => {
      if (s.status === 'loading') return;
      stop();
      resolve();
    });
  });

/** The registry in force (edits included), loading it first if no panel has yet. Null when it cannot be loaded. */
async function registryInForce(): Promise<Registry | null> {
  if (useRights.getState().status === 'loading') {
    try {
      await startRights(await queryClient.ensureQueryData(catalogueOptions));
      await rightsSettled();
    } catch {
      // Without the catalogue the registry cannot be checked; the manifest then says the terms are unknown.
    }
  }
  return useRights.getState().registry;
}

export async function manifestFor(
  tune: Tune,
  provenance: Provenance,
  asset: ExportedAsset,
): Promise<ApparatusManifest> {
  const references = tune.references ?? [];
  // One after the other: the ablation and gradient readings queue in the model worker anyway.
  const registry = references.length ? await registryInForce() : null;
  const shares = await measuredShares(tune);
  const trainingTopK = await trainingTopKFor(tune);
  const sha256 = await sha256Hex(asset.bytes);
  if (sha256 === null) throw new Error('this browser has no Web Crypto, so the file cannot be hashed');
  const attribution = references.map((r, i): ReferenceAttribution => ({
    rights: registry ? termsForSource(registry, r.source) : null,
    shares: shares[i]!,
  }));
  return buildManifest({
    provenance,
    attribution,
    trainingTopK,
    registryNotice: registry?.notice ?? null,
    asset: { name: asset.name, format: asset.format, sha256, bytes: asset.bytes.length },
    instanceId: `xmp:iid:${crypto.randomUUID()}`,
  });
}
