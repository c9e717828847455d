/** Reading a manifest and the file it speaks for, as the user chose them: size first, then schema, then hash. */
import { checkAsset, parseManifest, type HashCheck, type ManifestRead } from '../../export/manifestRead';
import type { ApparatusManifest } from '../../export/manifestSchema';
import { IMPORT_CAPS, overCap } from '../importCaps';

type Readable = Pick<Blob, 'size' | 'text' | 'arrayBuffer'>;

export async function readManifestFile(file: Readable): Promise<ManifestRead> {
  const tooBig = overCap(file.size, IMPORT_CAPS.manifestFile);
  if (tooBig) return { ok: false, errors: [tooBig] };
  return parseManifest(await file.text());
}

export type FileCheck =
  { readonly ok: true; readonly check: HashCheck } | { readonly ok: false; readonly error: string };

export async function checkExportedFile(
  manifest: ApparatusManifest,
  file: Readable & { readonly name: string },
): Promise<FileCheck> {
  const tooBig = overCap(file.size, IMPORT_CAPS.exportedFile);
  if (tooBig) return { ok: false, error: tooBig };
  try {
    return {
      ok: true,
      check: await checkAsset(manifest, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
    };
  } catch (e) {
    return { ok: false, error: `The file could not be checked: ${e instanceof Error ? e.message : String(e)}` };
  }
}
