import { MODE_WORDS, parseKey, type Mode } from './key';
import { TYPE_METERS, TUNE_TYPES, type TuneType } from './tuneTypes';

/** What a prompt asks for in words: meter (stated, or implied by a tune type), tonic and mode, tune type. */
export interface PromptAsk {
  /** The meters asked for, e.g. ["6/8"]; a reel asks for ["4/4", "2/2"]. Null when the prompt asks for none. */
  readonly meters: readonly string[] | null;
  readonly meterFrom: 'stated' | 'type' | null;
  /** e.g. "F#", "Bb"; null when no key is named. */
  readonly tonic: string | null;
  /** Major when only a tonic is named; null exactly when tonic is null. */
  readonly mode: Mode | null;
  readonly type: TuneType | null;
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, six: 6, eight: 8, nine: 9, twelve: 12 };
const METER_PHRASES: Record<string, string> = { 'common time': '4/4', 'cut time': '2/2', 'alla breve': '2/2' };
const TYPE_SPELLINGS: Record<string, TuneType> = { 'barn dance': 'barndance' };
const MODE_WORD =
  /^(m|maj|major|min|minor|ion|ionian|aeo|aeolian|dor|dorian|mix|mixolydian|lyd|lydian|phr|phrygian|loc|locrian)$/;
/** A tonic letter, an optional glued flat and an optional glued mode: "d", "bb", "dm", "amix", "ebmaj". */
const GLUED_KEY = /^([a-g])(b?)(m|maj|min|dor|mix|lyd|phr|loc)?$/;
/** Words after which a bare letter names a key ("in d", "key of g"); elsewhere "a" is an article. */
const KEY_LEAD = new Set(['in', 'of', 'key']);

function statedMeter(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const pair = `${w} ${words[i + 1] ?? ''}`;
    if (/^\d{1,2}\/\d{1,2}$/.test(w)) return w;
    if (METER_PHRASES[pair]) return METER_PHRASES[pair];
    if (NUMBER_WORDS[w] && NUMBER_WORDS[words[i + 1] ?? '']) return `${NUMBER_WORDS[w]}/${NUMBER_WORDS[words[i + 1]]}`;
  }
  return null;
}

function tuneType(words: readonly string[]): TuneType | null {
  const isType = (w: string): w is TuneType => (TUNE_TYPES as readonly string[]).includes(w);
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    if (isType(pair)) return pair;
    if (TYPE_SPELLINGS[pair]) return TYPE_SPELLINGS[pair];
    // "a set of jigs": the plural names the type too.
    for (const w of [words[i], words[i].replace(/s$/, '')]) if (isType(w)) return w;
  }
  return null;
}

function askedKey(words: readonly string[]): { tonic: string; mode: Mode } | null {
  for (let i = 0; i < words.length; i++) {
    const m = GLUED_KEY.exec(words[i]);
    if (!m) continue;
    let j = i + 1;
    let accidental = m[2];
    if (!accidental && (words[j] === 'sharp' || words[j] === 'flat')) accidental = words[j++] === 'sharp' ? '#' : 'b';
    let mode = m[3] ?? '';
    if (!mode && MODE_WORD.test(words[j] ?? '')) mode = words[j];
    // A bare letter only counts after "in", "of" or "key": "a lively reel" names no key.
    if (!accidental && !mode && !KEY_LEAD.has(words[i - 1] ?? '')) continue;
    const key = parseKey(`${m[1].toUpperCase()}${accidental} ${mode}`);
    if (key) return key;
  }
  return null;
}

/** Reads a prompt's words (from promptWords) for the meter, key and tune type they ask for. */
export function askOfPrompt(words: readonly string[]): PromptAsk {
  const type = tuneType(words);
  const stated = statedMeter(words);
  const implied = type ? TYPE_METERS[type] : null;
  const key = askedKey(words);
  return {
    meters: stated ? [stated] : implied ? [...implied] : null,
    meterFrom: stated ? 'stated' : implied ? 'type' : null,
    tonic: key?.tonic ?? null,
    mode: key?.mode ?? null,
    type,
  };
}

/** One way the tune's header differs from what the prompt asked for. */
export interface AskDifference {
  readonly field: 'meter' | 'key';
  /** As a musician reads it: "6/8", "D major"; "6/8 or 9/8" when the prompt allows several meters. */
  readonly asked: string;
  readonly written: string;
}

const keyText = (tonic: string, mode: Mode) => `${tonic} ${MODE_WORDS[mode]}`;

/** Where the tune's M: and K: header tokens differ from the prompt's asked meter and key (empty when they agree). */
export function differencesFromAsk(ask: PromptAsk, tokens: readonly string[]): AskDifference[] {
  const out: AskDifference[] = [];
  const meter = tokens.find((t) => t.startsWith('M:'))?.slice(2) ?? null;
  const keyToken = tokens.find((t) => t.startsWith('K:'));
  const key = keyToken ? parseKey(keyToken.slice(2)) : null;
  if (ask.meters && meter && !ask.meters.includes(meter))
    out.push({ field: 'meter', asked: orList(ask.meters), written: meter });
  if (ask.tonic && ask.mode && key && (key.tonic !== ask.tonic || key.mode !== ask.mode))
    out.push({ field: 'key', asked: keyText(ask.tonic, ask.mode), written: keyText(key.tonic, key.mode) });
  return out;
}

/** "6/8", "4/4 or 2/2", "4/4, 2/2 or 2/4". */
function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
