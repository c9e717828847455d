import type { Header } from '../src/music/abcParse';
import type { TuneFeatures } from '../src/music/features';
import { MODE_WORDS, type Key } from '../src/music/key';
import type { Meter } from '../src/music/meter';
import { mulberry32 } from '../src/runtime/prng';
import type { CollectionInfo } from './credits';

export const TUNE_TYPES = [
  'slip jig',
  'double jig',
  'single jig',
  'jig',
  'reel',
  'hornpipe',
  'strathspey',
  'highland fling',
  'fling',
  'clog',
  'waltz',
  'march',
  'quickstep',
  'polka',
  'schottische',
  'minuet',
  'air',
  'set dance',
  'slide',
  'lament',
  'song',
  'gavotte',
  'walkaround',
  'mazurka',
  'country dance',
  'cotillion',
  'hop jig',
  'long dance',
] as const;

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'my',
  'his',
  'her',
  'with',
  'for',
  'at',
  'by',
  'is',
  'no',
]);

/** Tune type from R:, else from words in the title ("-- Strathspey", "Jig"). */
export function tuneType(header: Header): string | null {
  const sources = [header.R?.[0] ?? '', ...(header.T ?? [])].map((s) => s.toLowerCase().replace(/slipjig/, 'slip jig'));
  for (const s of sources)
    for (const t of TUNE_TYPES) if (new RegExp(`\\b${t}s?\\b`).test(s)) return t === 'fling' ? 'highland fling' : t;
  return null;
}

/** Tempo words: from the printed direction (N: or Q: text) or from the metronome mark. */
export function tempoWord(header: Header): string | null {
  const text = [...(header.N ?? []), ...(header.Q ?? [])].join(' ').toLowerCase();
  for (const w of [
    'very slow',
    'slow',
    'moderate',
    'lively',
    'spirited',
    'brisk',
    'quick',
    'fast',
    'gracefully',
    'tenderly',
    'plaintive',
  ]) {
    if (text.includes(w)) return w;
  }
  const bpm = /=\s*(\d+)/.exec(header.Q?.[0] ?? '');
  if (!bpm) return null;
  const n = Number(bpm[1]);
  return n < 80 ? 'slow' : n <= 110 ? 'moderate' : 'lively';
}

export function titleWords(header: Header): string[] {
  const title = (header.T?.[0] ?? '').toLowerCase().replace(/--.*$/, '');
  return title
    .replace(/['’]/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .slice(0, 4);
}

export function regionOf(collection: CollectionInfo, header: Header): string | null {
  if (collection.region) return collection.region;
  const text = [...(header.T ?? []), ...(header.S ?? []), ...(header.O ?? [])].join(' ').toLowerCase();
  if (/northumbrian/.test(text)) return 'northumbrian';
  if (/scotch|scots|scottish|highland/.test(text)) return 'scottish';
  if (/irish/.test(text)) return 'irish';
  if (/welsh/.test(text)) return 'welsh';
  if (/american|yankee/.test(text)) return 'american';
  return null;
}

export const keyWords = (key: Key): string =>
  `${key.tonic[0].toLowerCase()}${key.tonic.endsWith('#') ? ' sharp' : key.tonic.endsWith('b') ? ' flat' : ''} ${MODE_WORDS[key.mode]}`;

export function featureWords(
  f: TuneFeatures,
  meter: Meter,
): { range: string; density: string; register: string; motion: string } {
  const beats = meter.den === 8 && meter.num % 3 === 0 ? meter.num / 3 : meter.num;
  const perBeat = f.notesPerBar / beats;
  return {
    range: f.range < 12 ? 'narrow' : f.range >= 19 ? 'wide' : 'moderate',
    density: perBeat <= 1.6 ? 'sparse' : perBeat >= 2.6 ? 'busy' : 'flowing',
    register: f.meanPitch < 68 ? 'low' : f.meanPitch > 76 ? 'high' : 'middle',
    motion: f.stepwise >= 0.62 ? 'stepwise' : f.stepwise <= 0.42 ? 'leaping' : 'mixed',
  };
}

export interface CaptionInput {
  readonly id: string;
  readonly header: Header;
  readonly meter: Meter;
  readonly key: Key;
  readonly features: TuneFeatures;
  readonly collection: CollectionInfo;
  readonly composer: string | null;
}

/** Four paraphrases per tune, from metadata and note features; the choice of wording is seeded by the tune id. */
export function captionsFor(t: CaptionInput, seed: number): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const type = tuneType(t.header) ?? pick(['tune', 'melody', 'piece']);
  const tempo = tempoWord(t.header);
  const region = regionOf(t.collection, t.header);
  const fw = featureWords(t.features, t.meter);
  const meter = `${t.meter.num}/${t.meter.den}`;
  const key = keyWords(t.key);
  const title = titleWords(t.header);
  const composer = t.composer
    ? t.composer
        .toLowerCase()
        .replace(/[^a-z' ]+/g, ' ')
        .trim()
        .split(/\s+/)
        .slice(-1)[0]
    : null;
  const join = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  return [
    join(pick(['a', 'an old', 'a traditional']), region, type, 'in', key, pick([`in ${meter}`, `${meter} time`, ''])),
    join(tempo, type, 'in', meter, pick(['in the key of', 'in']), key, 'from', t.collection.words),
    join(
      title.length ? title.join(' ') : type,
      '-',
      fw.motion,
      fw.density,
      type,
      'with a',
      fw.range,
      'range',
      composer && `by ${composer}`,
    ),
    join(fw.register, 'register', key, type, pick(['', `${meter}`]), tempo && `, ${tempo}`, region && `, ${region}`),
  ];
}
