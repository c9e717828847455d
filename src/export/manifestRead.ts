/**
 * Reading a sidecar manifest back: schema-checked with errors that name the field's path, and the hash it
 * states compared with the file the user gives beside it.
 */
import type { z } from '../schema/zod';
import { formatPath } from '../rights/registryLoad';
import { sha256Hex } from '../worker/modelFiles';
import { manifestSchema, MANIFEST_VENDOR, type ApparatusManifest } from './manifestSchema';

export type ManifestRead =
  { readonly ok: true; readonly manifest: ApparatusManifest } | { readonly ok: false; readonly errors: string[] };

/** A broken file usually repeats one mistake; this many lines are enough to find it. */
const MAX_ERRORS = 8;

const issueLines = (error: z.ZodError): string[] => {
  const lines = error.issues.slice(0, MAX_ERRORS).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = error.issues.length - MAX_ERRORS;
  return more > 0 ? [...lines, `…and ${more} more`] : lines;
};

export function parseManifest(text: string): ManifestRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The manifest is not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      errors: [`The manifest must be a JSON object, not ${Array.isArray(json) ? 'an array' : typeof json}.`],
    };
  }
  if ((json as { vendor?: unknown }).vendor !== MANIFEST_VENDOR) {
    return {
      ok: false,
      errors: [`vendor: expected "${MANIFEST_VENDOR}"; this is not a manifest that Apparatus wrote.`],
    };
  }
  const parsed = manifestSchema.safeParse(json);
  return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, errors: issueLines(parsed.error) };
}

export interface HashCheck {
  readonly match: boolean;
  readonly expected: string;
  readonly actual: string;
  readonly expectedBytes: number;
  readonly actualBytes: number;
  /** The file's name differs from the one the manifest records; a renamed file can still match. */
  readonly renamed: boolean;
}

/** Hashes the file and compares it with the manifest's asset hash. Needs Web Crypto (browsers, Node 20). */
export async function checkAsset(
  manifest: ApparatusManifest,
  file: { readonly name: string; readonly bytes: Uint8Array<ArrayBuffer> },
): Promise<HashCheck> {
  const stated = manifest.assertions[3].data;
  const actual = await sha256Hex(file.bytes);
  if (actual === null) throw new Error('this browser has no Web Crypto, so the file cannot be hashed');
  return {
    match: actual === stated.hash,
    expected: stated.hash,
    actual,
    expectedBytes: stated.bytes,
    actualBytes: file.bytes.length,
    renamed: file.name !== stated.name,
  };
}
