import type { Header } from '../src/music/abcParse';
import type { TuneFeatures } from '../src/music/features';
import { featureWords, type FeatureScale, type FeatureWords } from './featureScale';
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

/** Printed tempo directions, most specific first. */
const TEMPO_WORDS = [
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
] as const;

/** Tempo words: from the printed direction (N: or Q: text) or from the metronome mark. */
export function tempoWord(header: Header): string | null {
  const text = [...(header.N ?? []), ...(header.Q ?? [])].join(' ').toLowerCase();
  for (const w of TEMPO_WORDS) {
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

export interface CaptionInput {
  readonly id: string;
  readonly header: Header;
  readonly meter: Meter;
  readonly key: Key;
  readonly features: TuneFeatures;
  readonly collection: CollectionInfo;
  readonly composer: string | null;
  /** The corpus's cut points for the feature words. */
  readonly scale: FeatureScale;
}

/** How many paraphrases each tune gets. */
export const CAPTIONS_PER_TUNE = 8;

/**
 * Paraphrases of one tune in the words musicians write: the key spelled many ways ("b flat", "bb", "B♭m",
 * "in the key of"), the meter as numbers, words or a dance's time, and words for what the notes measurably do.
 * Mood and tempo words are tied to measured density and to the mode, so each word means something the notes
 * show; instrument words carry nothing and are there so they are known words. Seeded by the tune id.
 */
export function captionsFor(t: CaptionInput, seed: number, count = CAPTIONS_PER_TUNE): string[] {
  const rand = mulberry32(seed);
  const words = captionWords(t);
  return Array.from({ length: count }, () => paraphrase(words, rand));
}

interface CaptionWords {
  readonly type: string | null;
  readonly key: Key;
  readonly meter: Meter;
  readonly tempo: string | null;
  readonly region: string | null;
  readonly collection: string;
  readonly title: string[];
  readonly composer: string | null;
  readonly features: FeatureWords;
}

function captionWords(t: CaptionInput): CaptionWords {
  const composer = t.composer
    ? t.composer
        .toLowerCase()
        .replace(/[^a-z' ]+/g, ' ')
        .trim()
        .split(/\s+/)
        .slice(-1)[0]
    : null;
  return {
    type: tuneType(t.header),
    key: t.key,
    meter: t.meter,
    tempo: tempoWord(t.header),
    region: regionOf(t.collection, t.header),
    collection: t.collection.words,
    title: titleWords(t.header),
    composer,
    features: featureWords(t, t.scale),
  };
}

type Rand = () => number;
const pickOf = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const MODE_SPELLINGS: Record<Key['mode'], readonly string[]> = {
  maj: ['major', 'major', 'maj', '', 'major key'],
  min: ['minor', 'minor', 'min', 'm', 'minor key'],
  dor: ['dorian', 'dorian', 'dor', 'dorian mode'],
  mix: ['mixolydian', 'mixolydian', 'mix', 'mixolydian mode'],
  lyd: ['lydian', 'lydian mode'],
  phr: ['phrygian', 'phrygian mode'],
  loc: ['locrian'],
};

/** The key as a musician might type it: "f sharp minor", "f# min", "F♯m", "bb major", "b flat", "in the key of d". */
export function spellKey(key: Key, rand: Rand): string {
  const letter = key.tonic[0].toLowerCase();
  const accidental = key.tonic.endsWith('#')
    ? pickOf(rand, [' sharp', '#', '♯'])
    : key.tonic.endsWith('b')
      ? pickOf(rand, [' flat', 'b', '♭'])
      : '';
  const mode = pickOf(rand, MODE_SPELLINGS[key.mode]);
  const glued = mode === 'm' || (rand() < 0.2 && ['maj', 'min', 'dor', 'mix'].includes(mode));
  return glued ? `${letter}${accidental}${mode}` : `${letter}${accidental} ${mode}`.trim();
}

const NUMBER_WORDS: Record<number, string> = {
  2: 'two',
  3: 'three',
  4: 'four',
  6: 'six',
  8: 'eight',
  9: 'nine',
  12: 'twelve',
};
/** Dances whose time names a meter, as musicians say "in jig time". */
const DANCE_TIME: Record<string, readonly string[]> = {
  '6/8': ['jig', 'double jig'],
  '9/8': ['slip jig'],
  '12/8': ['slide'],
  '3/4': ['waltz', 'mazurka'],
  '4/4': ['reel', 'hornpipe', 'barndance', 'schottische'],
  '2/2': ['reel'],
  '2/4': ['polka', 'march'],
};

export function spellMeter(meter: Meter, rand: Rand): string {
  const m = `${meter.num}/${meter.den}`;
  const worded =
    NUMBER_WORDS[meter.num] && NUMBER_WORDS[meter.den] && `${NUMBER_WORDS[meter.num]}-${NUMBER_WORDS[meter.den]}`;
  const forms = [`in ${m}`, `in ${m}`, `${m} time`, m, `in ${m} time`];
  if (worded) forms.push(`in ${worded}`, `${worded} time`);
  if (m === '4/4') forms.push('in common time');
  if (m === '2/2') forms.push('in cut time', 'alla breve');
  if (DANCE_TIME[m]) forms.push(`in ${pickOf(rand, DANCE_TIME[m])} time`);
  return pickOf(rand, forms);
}

/** Mood and tempo words, tied to density and mode (see captionsFor). */
function moodWord(w: CaptionWords, rand: Rand): string | null {
  const options: string[] = [];
  if (w.tempo) options.push(w.tempo);
  if (w.features.density === 'busy') options.push('lively', 'driving', 'brisk', 'fast');
  if (w.features.density === 'sparse') options.push('slow', 'gentle', 'tender', 'slow and tender');
  if (['min', 'dor', 'phr'].includes(w.key.mode)) options.push('sad', 'melancholy', 'dark', 'mournful');
  if (['maj', 'mix', 'lyd'].includes(w.key.mode)) options.push('bright', 'happy', 'cheerful', 'joyful');
  return options.length ? pickOf(rand, options) : null;
}

const INSTRUMENTS = [
  'for fiddle',
  'on the whistle',
  'for flute',
  'for the pipes',
  'for accordion',
  'on concertina',
  'for mandolin',
  'on the banjo',
];

function featurePhrases(w: CaptionWords, rand: Rand): { before: string[]; after: string[] } {
  const f = w.features;
  const before: string[] = [];
  const after: string[] = [];
  const put = (word: string, late: string) => (rand() < 0.6 ? before.push(word) : after.push(late));
  if (rand() < 0.5) put(f.density, pickOf(rand, [f.density, `${f.density} rhythm`]));
  if (rand() < 0.45)
    put(f.register, pickOf(rand, [`in a ${f.register} register`, `${f.register} register`, `sitting ${f.register}`]));
  if (rand() < 0.45) put(`${f.range}-range`, pickOf(rand, [`with a ${f.range} range`, `${f.range} range`]));
  if (rand() < 0.45) put(f.motion, pickOf(rand, [`${f.motion} melody`, `mostly ${f.motion}`, f.motion]));
  return { before, after };
}

function paraphrase(w: CaptionWords, rand: Rand): string {
  const type = w.type ?? pickOf(rand, ['tune', 'melody', 'piece', 'dance tune']);
  const hasType = w.type !== null;
  const key = rand() < 0.85 ? spellKey(w.key, rand) : null;
  const keyPhrase = key && (rand() < 0.6 ? `in ${key}` : pickOf(rand, [`in the key of ${key}`, `key of ${key}`, key]));
  const meter = rand() < (hasType ? 0.55 : 0.75) ? spellMeter(w.meter, rand) : null;
  const mood = rand() < 0.4 ? moodWord(w, rand) : null;
  const { before, after } = featurePhrases(w, rand);
  const extras = [
    rand() < 0.25 && w.region,
    rand() < 0.12 && `from ${w.collection}`,
    rand() < 0.2 && w.title.length > 0 && `called ${w.title.join(' ')}`,
    rand() < 0.08 && w.composer && `by ${w.composer}`,
    rand() < 0.15 && pickOf(rand, INSTRUMENTS),
  ].filter((x): x is string => typeof x === 'string');
  const opener = pickOf(rand, [
    '',
    '',
    'a',
    'a',
    'an old',
    'a traditional',
    'write a',
    'play me a',
    'give me a',
    'something like a',
    'a new',
  ]);
  const head = [opener, mood, ...before, w.region && extras.includes(w.region) ? w.region : null, type];
  const tail = [
    ...(rand() < 0.5 ? [keyPhrase, meter] : [meter, keyPhrase]),
    ...after,
    ...extras.filter((x) => x !== w.region),
  ];
  const sep = () => pickOf(rand, [' ', ' ', ', ']);
  const text = [head.filter(Boolean).join(' '), ...tail.filter(Boolean)].join(sep());
  return text.replace(/\b(a|an) ([a-z])/, (_, _a, c: string) => `${'aeiou'.includes(c) ? 'an' : 'a'} ${c}`);
}

/**
 * Words the text vocabulary always holds, however rare in the captions: what a musician types to ask for a type,
 * key, mode, meter, tempo, mood, instrument or shape of melody.
 */
export const ALWAYS_KNOWN_WORDS: readonly string[] = [
  ...new Set([
    ...TUNE_TYPES.flatMap((t) => t.split(' ')),
    ...'abcdefg'.split('').flatMap((l) => [l, `${l}b`, `${l}m`, `${l}maj`, `${l}min`, `${l}dor`, `${l}mix`]),
    ...Object.values(MODE_WORDS),
    ...['sharp', 'flat', 'maj', 'min', 'm', 'dor', 'mix', 'mode', 'key', 'of', 'in', 'the', 'a', 'an', 'and', 'with'],
    ...['2/2', '2/4', '3/4', '4/4', '6/8', '9/8', '12/8', '3/2', '6/4', '3/8', '9/4'],
    ...Object.values(NUMBER_WORDS),
    ...['time', 'common', 'cut', 'alla', 'breve', 'barndance'],
    ...TEMPO_WORDS.flatMap((w) => w.split(' ')),
    ...[
      'gentle',
      'tender',
      'driving',
      'sad',
      'melancholy',
      'dark',
      'mournful',
      'bright',
      'happy',
      'cheerful',
      'joyful',
    ],
    ...INSTRUMENTS.flatMap((i) => i.split(' ')),
    ...['sparse', 'flowing', 'busy', 'low', 'middle', 'high', 'narrow', 'wide', 'stepwise', 'mixed', 'leaping'],
    ...['register', 'range', 'rhythm', 'melody', 'mostly', 'sitting', 'tune', 'piece', 'dance', 'traditional', 'old'],
    ...['write', 'play', 'me', 'give', 'something', 'like', 'new', 'called', 'from', 'by'],
  ]),
];
