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
import { catalogueOptions } from '../catalogue/catalogueData';
import { queryClient } from '../queryClient';
import { startRights } from '../rights/rightsService';
import { useRights } from '../rights/rightsStore';
import { trainingTopKFor } from './trainingTopK';

export interface ExportedAsset {
  readonly name: string;
  readonly format: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Shares per reference, in order, as an ablation reading measured them; absent when none was taken. */
export type MeasuredShares = readonly ReferenceClaim['shares'][];

const NOT_MEASURED: ReferenceClaim['shares'] = {
  ablation: null,
  passages: null,
  note: 'not measured for this export: no ablation reading of this tune was at hand',
};

/** The registry in force, loading it first if no panel has yet. Null when it cannot be loaded. */
async function registryInForce(): Promise<Registry | null> {
  if (useRights.getState().status === 'loading') {
    try {
      await startRights(await queryClient.ensureQueryData(catalogueOptions));
    } catch {
      // The store records the error; the manifest then says the terms are unknown.
    }
  }
  return useRights.getState().registry;
}

export async function manifestFor(
  tune: Tune,
  provenance: Provenance,
  asset: ExportedAsset,
  shares?: MeasuredShares,
): Promise<ApparatusManifest> {
  const references = tune.references ?? [];
  const [registry, trainingTopK, sha256] = await Promise.all([
    references.length ? registryInForce() : Promise.resolve(null),
    trainingTopKFor(tune),
    sha256Hex(asset.bytes),
  ]);
  if (sha256 === null) throw new Error('this browser has no Web Crypto, so the file cannot be hashed');
  const attribution = references.map((r, i): ReferenceAttribution => ({
    rights: registry ? termsForSource(registry, r.source) : null,
    shares: shares?.[i] ?? NOT_MEASURED,
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
