import type { ModelCard, ModelCardFile } from '../runtime/modelTypes';

export const REBUILD_HINT =
  'Restore the shipped files with `git checkout -- public/models`, or retrain and export: `npm run model:train && npm run model:export`.';

/** A model file that is missing, unreadable or not the one the model card names. */
export class ModelFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly expectedSha256?: string,
  ) {
    super(message);
  }
}

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of the bytes, or null where crypto.subtle is missing (pages served over plain http off localhost). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

export async function fetchCard(modelUrl: string): Promise<ModelCard> {
  const url = new URL('model-card.json', modelUrl).href;
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    throw new ModelFileError(
      `model-card.json could not be fetched from ${url} (${String(e)}). ${REBUILD_HINT}`,
      'model-card.json',
    );
  }
  if (!res.ok) {
    throw new ModelFileError(
      `model-card.json is missing (HTTP ${res.status} at ${url}). ${REBUILD_HINT}`,
      'model-card.json',
    );
  }
  let card: ModelCard;
  try {
    card = (await res.json()) as ModelCard;
  } catch {
    throw new ModelFileError(`model-card.json is not valid JSON. ${REBUILD_HINT}`, 'model-card.json');
  }
  if (!Array.isArray(card.files) || !card.config) {
    throw new ModelFileError(`model-card.json lists no files or no config. ${REBUILD_HINT}`, 'model-card.json');
  }
  return card;
}

/**
 * Downloads one model file as a stream, reporting bytes as they arrive, and checks its SHA-256 against the
 * model card. Any mismatch names the file, the expected hash and how to rebuild it.
 */
export async function fetchVerified(
  modelUrl: string,
  file: ModelCardFile,
  onBytes: (loaded: number) => void,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; verified: boolean }> {
  const url = new URL(file.name, modelUrl).href;
  const expected = `expected SHA-256 ${file.sha256}`;
  const fail = (what: string) =>
    new ModelFileError(`${file.name} ${what}; ${expected}. ${REBUILD_HINT}`, file.name, file.sha256);
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    throw fail(`could not be fetched from ${url} (${String(e)})`);
  }
  if (!res.ok || !res.body) throw fail(`is missing (HTTP ${res.status} at ${url})`);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let lastReport = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    const t = performance.now();
    if (t - lastReport > 50) {
      lastReport = t;
      onBytes(loaded);
    }
  }
  onBytes(loaded);
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const actual = await sha256Hex(bytes);
  if (actual === null) return { bytes, verified: false };
  if (actual !== file.sha256) {
    const size = loaded === file.bytes ? '' : ` (${loaded} bytes, the card says ${file.bytes})`;
    throw fail(`is corrupt: its SHA-256 is ${actual}${size}`);
  }
  return { bytes, verified: true };
}
