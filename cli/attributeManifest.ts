/**
 * The manifest `npm run attribute` prints: the same C2PA-structured sidecar the app writes beside an export
 * (src/export/manifest.ts), here for the ABC the command prints, with the shares and estimate it measured.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIME } from '../src/export/download';
import { buildManifest, type ReferenceAttribution } from '../src/export/manifest';
import type { ApparatusManifest } from '../src/export/manifestSchema';
import type { Provenance, ReferenceProvenance } from '../src/export/provenance';
import type { ResolvedTerms } from '../src/rights/terms';
import type { AttributionRecord } from '../src/royalty/record';
import type { GenerationSettings } from '../src/runtime/decode';

export interface ManifestFacts {
  readonly abc: string;
  readonly fileName: string;
  readonly prompt: string;
  readonly settings: GenerationSettings;
  readonly tokens: readonly string[];
  readonly modelSha256: string;
  readonly references: readonly ReferenceProvenance[];
  readonly terms: readonly ResolvedTerms[];
  readonly record: AttributionRecord;
  readonly registryNotice: string | null;
}

const appVersion = (): string =>
  (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;

export function attributeManifest(f: ManifestFacts): ApparatusManifest {
  const { seed, ...settings } = f.settings;
  const provenance: Provenance = {
    app: { name: 'Apparatus', version: appVersion() },
    modelSha256: f.modelSha256,
    prompt: f.prompt,
    seed,
    settings: { ...settings, backend: 'onnxruntime-node' },
    timestamp: new Date().toISOString(),
    conditioning: f.tokens.slice(0, 2).join(' '),
    ...(f.references.length ? { references: f.references } : {}),
  };
  const attribution = f.record.references.map((r, i): ReferenceAttribution => ({
    rights: f.terms[i] ?? null,
    shares: {
      ablation: r.ablation.share,
      passages: r.passages.share,
      ...(f.record.ablationNote ? { note: f.record.ablationNote } : {}),
    },
  }));
  const bytes = Buffer.from(f.abc, 'utf8');
  return buildManifest({
    provenance,
    attribution,
    trainingTopK: {
      method: f.record.methods.gradient ?? 'gradient estimate',
      caveat: f.record.training.caveat,
      entries: f.record.training.top.map(({ rank, id, title, score }) => ({ rank, id, title, score })),
      ...(f.record.training.unavailable ? { unavailable: f.record.training.unavailable } : {}),
    },
    registryNotice: f.registryNotice,
    asset: {
      name: f.fileName,
      format: MIME.abc,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    },
    instanceId: `xmp:iid:${randomUUID()}`,
  });
}
