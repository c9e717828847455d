import { defaultSamplesBaseUrl, fetchManifest, sampleUrls } from './manifest';

/** Decoded samples of one instrument, keyed by MIDI note: the `urls` a Tone.Sampler takes. */
export type SampleBuffers = Readonly<Record<number, AudioBuffer>>;

const cache = new Map<string, Promise<SampleBuffers>>();

/**
 * Fetches and decodes an instrument's samples once per base URL. Decoding uses an OfflineAudioContext so that
 * loading before any click creates no (blocked) realtime context; AudioBuffers work in any context afterwards.
 */
export function loadSampleBuffers(instrument: string, baseUrl = defaultSamplesBaseUrl()): Promise<SampleBuffers> {
  const key = `${baseUrl}\n${instrument}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = decodeInstrument(instrument, baseUrl);
    pending.catch(() => cache.delete(key)); // let a later call retry after a network error
    cache.set(key, pending);
  }
  return pending;
}

async function decodeInstrument(instrument: string, baseUrl: string): Promise<SampleBuffers> {
  const urls = sampleUrls(await fetchManifest(baseUrl), instrument, baseUrl);
  const decoder = new OfflineAudioContext(1, 1, 22050);
  const entries = await Promise.all(
    urls.map(async ({ midi, url }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`sample ${url}: HTTP ${response.status}`);
      return [midi, await decoder.decodeAudioData(await response.arrayBuffer())] as const;
    }),
  );
  return Object.fromEntries(entries);
}
