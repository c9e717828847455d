/** public/samples/manifest.json: instrument name -> MIDI note -> file path relative to the manifest. */
export type SampleManifest = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface SampleUrl {
  readonly midi: number;
  readonly url: string;
}

/** Where the samples live under Vite's base path (e.g. "/apparatus/samples/" on a sub-path deploy). */
export const defaultSamplesBaseUrl = (): string => `${import.meta.env?.BASE_URL ?? '/'}samples/`;

const withSlash = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** Checks the shape of a fetched manifest; throws on anything else so a bad deploy fails loudly. */
export function parseManifest(json: unknown): SampleManifest {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(json)) throw new Error('sample manifest: not an object');
  for (const [instrument, notes] of Object.entries(json)) {
    if (!isObject(notes) || Object.keys(notes).length === 0)
      throw new Error(`sample manifest: ${instrument} has no notes`);
    for (const [midi, file] of Object.entries(notes)) {
      if (!/^\d{1,3}$/.test(midi) || Number(midi) > 127) throw new Error(`sample manifest: bad MIDI note ${midi}`);
      if (typeof file !== 'string' || file === '')
        throw new Error(`sample manifest: bad file for ${instrument} ${midi}`);
    }
  }
  return json as SampleManifest;
}

/** The sample URLs of one instrument, lowest note first. */
export function sampleUrls(manifest: SampleManifest, instrument: string, baseUrl: string): SampleUrl[] {
  const notes = manifest[instrument];
  if (!notes) throw new Error(`no samples for instrument "${instrument}"`);
  return Object.entries(notes)
    .map(([midi, file]) => ({ midi: Number(midi), url: withSlash(baseUrl) + file }))
    .sort((a, b) => a.midi - b.midi);
}

export async function fetchManifest(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<SampleManifest> {
  const response = await fetchFn(`${withSlash(baseUrl)}manifest.json`);
  if (!response.ok) throw new Error(`sample manifest: HTTP ${response.status}`);
  return parseManifest(await response.json());
}
