/**
 * Builds the sidecar manifest of an export from the tune's provenance, its references' rights and measured
 * shares, the training-time estimate and the exported bytes' hash. Pure: the caller hashes the bytes and
 * picks the instance id, so the same inputs give the same manifest.
 */
import {
  CAWG_ENTRIES,
  LABELS,
  MANIFEST_VENDOR,
  MANIFEST_VERSION,
  TRAINED_ALGORITHMIC_MEDIA,
  type ApparatusManifest,
  type ConsentEntry,
  type ReferenceClaim,
  type TrainingTopK,
} from './manifestSchema';
import { permittedUses } from '../rights/consent';
import type { Terms } from '../rights/registrySchema';
import type { ResolvedTerms } from '../rights/terms';
import { referenceText, type Provenance, type ReferenceProvenance } from './provenance';

/** What the registry and the ablation reading say about one reference. */
export interface ReferenceAttribution {
  /** Null when no registry was at hand (the manifest then says the terms are unknown). */
  readonly rights: ResolvedTerms | null;
  readonly shares: ReferenceClaim['shares'];
}

export interface ManifestInput {
  readonly provenance: Provenance;
  /** One per `provenance.references` entry, in the same order. */
  readonly attribution: readonly ReferenceAttribution[];
  readonly trainingTopK: TrainingTopK;
  /** The registry's notice (that its terms are simulated, say); null when no registry was read. */
  readonly registryNotice: string | null;
  readonly asset: { readonly name: string; readonly format: string; readonly sha256: string; readonly bytes: number };
  /** A fresh id per export, e.g. `xmp:iid:` + crypto.randomUUID(). */
  readonly instanceId: string;
}

export const UNSIGNED_NOTE =
  'Not signed. Anyone can edit this file; the hash check shows only that the exported file matches the hash written here.';

const barsOf = (r: ReferenceProvenance) => `bars=${r.first}-${r.last}`;

/** A stable id for a reference: the catalogue id or the excerpt's hash, with its bars. */
export const ingredientId = (r: ReferenceProvenance): string =>
  r.kind === 'catalogue'
    ? `apparatus:catalogue:${r.id}#${barsOf(r)}`
    : `apparatus:abc:${r.tokensSha256 ?? 'unhashed'}#${barsOf(r)}`;

type Named = { readonly title: string; readonly rights: ResolvedTerms | null };

/** The registry's consent for use as a reference, in CAWG's words. */
export function inferenceConsent(t: Terms): ConsentEntry {
  const r = t.reference;
  if (r.consent === 'allowed') return { use: 'allowed' };
  if (r.consent === 'not-allowed') return { use: 'notAllowed', constraint_info: r.reason };
  return { use: 'constrained', constraint_info: r.constraint };
}

/** The registry's training consent, in CAWG's words. */
export const trainingConsent = (t: Terms): ConsentEntry =>
  t.training.consent === 'allowed' ? { use: 'allowed' } : { use: 'notAllowed', constraint_info: t.training.reason };

/** Most restrictive wins: notAllowed over constrained over allowed; the reason names the reference. */
export function strictestConsent(refs: readonly Named[], pick: (t: Terms) => ConsentEntry): ConsentEntry {
  const rank = { allowed: 0, constrained: 1, notAllowed: 2 } as const;
  let strictest: { entry: ConsentEntry; title: string } | null = null;
  for (const r of refs) {
    if (!r.rights) continue;
    const entry = pick(r.rights.terms);
    if (!strictest || rank[entry.use] > rank[strictest.entry.use]) strictest = { entry, title: r.title };
  }
  if (!strictest || strictest.entry.use === 'allowed') {
    return { use: 'allowed', constraint_info: 'No reference with known terms restricts this use.' };
  }
  const why = strictest.entry.constraint_info ? `: ${strictest.entry.constraint_info}` : '';
  return { use: strictest.entry.use, constraint_info: `Set by the reference "${strictest.title}"${why}` };
}

/** rights/consent.ts's verdict as the manifest states it, with the registry's notice when any terms came from it. */
function usesClaim(refs: Parameters<typeof permittedUses>[0], notice: string | null) {
  const { verdicts, conditions } = permittedUses(refs);
  return {
    verdicts: verdicts.map((v) => ({ ...v, withheldBy: [...v.withheldBy] })),
    conditions: conditions.map((c) => ({ ...c })),
    notice: refs.length ? notice : null,
  };
}

function referenceClaim(r: ReferenceProvenance, a: ReferenceAttribution): ReferenceClaim {
  return {
    ingredient: ingredientId(r),
    source: r.kind === 'catalogue' ? { kind: 'catalogue', id: r.id } : { kind: 'abc', tokensSha256: r.tokensSha256 },
    title: r.title,
    bars: { first: r.first, last: r.last },
    credits: referenceText(r),
    rights: a.rights,
    shares: a.shares,
  };
}

export function buildManifest(input: ManifestInput): ApparatusManifest {
  const p = input.provenance;
  const refs = p.references ?? [];
  if (input.attribution.length !== refs.length) {
    throw new Error(`attribution has ${input.attribution.length} entries for ${refs.length} references`);
  }
  const named = refs.map((r, i) => ({ title: r.title, rights: input.attribution[i]!.rights }));
  const training = strictestConsent(named, trainingConsent);
  const consent: Record<string, ConsentEntry> = Object.fromEntries(
    CAWG_ENTRIES.map((e) => [e, e === 'cawg.ai_inference' ? strictestConsent(named, inferenceConsent) : training]),
  );
  const withTerms = named.flatMap((r) => (r.rights ? [{ label: r.title, terms: r.rights.terms }] : []));
  return {
    vendor: MANIFEST_VENDOR,
    manifest_version: MANIFEST_VERSION,
    claim_generator_info: [{ name: p.app.name, version: p.app.version }],
    title: input.asset.name,
    format: input.asset.format,
    instance_id: input.instanceId,
    ingredients: refs.map((r) => ({
      title: r.title,
      format: 'text/vnd.abc',
      relationship: 'inputTo' as const,
      instance_id: ingredientId(r),
      description: referenceText(r),
    })),
    assertions: [
      {
        label: LABELS.actions,
        data: {
          actions: [
            {
              action: 'c2pa.created',
              when: p.timestamp,
              digitalSourceType: TRAINED_ALGORITHMIC_MEDIA,
              softwareAgent: { name: p.app.name, version: p.app.version },
              parameters: {
                model: { sha256: p.modelSha256 },
                prompt: p.prompt,
                seed: p.seed,
                settings: { ...p.settings },
                ...(p.conditioning === undefined ? {} : { conditioning: p.conditioning }),
              },
            },
          ],
        },
      },
      { label: LABELS.trainingMining, data: { entries: consent } },
      {
        label: LABELS.attribution,
        data: {
          references: refs.map((r, i) => referenceClaim(r, input.attribution[i]!)),
          trainingTopK: input.trainingTopK,
          copyFlag: p.copyFlag ?? null,
          permittedUses: usesClaim(withTerms, input.registryNotice),
        },
      },
      {
        label: LABELS.assetHash,
        data: { alg: 'sha256', hash: input.asset.sha256, name: input.asset.name, bytes: input.asset.bytes },
      },
    ],
    signature: { status: 'unsigned', note: UNSIGNED_NOTE },
  };
}

/** The sidecar's file name: the export's name with `.c2pa.json` added, so the two sort together. */
export const manifestFileName = (assetName: string): string => `${assetName}.c2pa.json`;
