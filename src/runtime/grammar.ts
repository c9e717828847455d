import { barLength, meterFromToken, type Meter } from '../music/meter';
import { add, cmp, mul, parseLength, rat, ZERO, type Rational } from '../music/rational';
import { BAR_TOKEN, LENGTH_TOKEN, PITCH_TOKEN } from '../tokenizer/musicTokens';
import { MUSIC_SPECIALS, type Vocab } from '../tokenizer/vocab';
import type { Mode } from '../music/key';

/** What the user pinned. Null leaves the choice to the model. */
export interface MusicConstraints {
  /** e.g. "6/8" */
  readonly meter: string | null;
  /** Tonic, e.g. "D", "F#", "Bb". */
  readonly key: string | null;
  readonly mode: Mode | null;
  /** Never overfill a bar, and close short bars only where a section starts or ends. */
  readonly fitBars: boolean;
}

/** A second bar line straight after another: only one that opens a repeat or closes a section, as in ":| |:". */
const BAR_AFTER_BAR = /^(\|:|::|\|\||\|\])$/;

export const NO_CONSTRAINTS: MusicConstraints = { meter: null, key: null, mode: null, fitBars: false };

type Kind = 'meter' | 'key' | 'pitch' | 'rest' | 'length' | 'tie' | 'tuplet' | 'bar' | 'eos' | 'other';

function kindOf(token: string): Kind {
  if (token === MUSIC_SPECIALS.eos) return 'eos';
  if (token.startsWith('M:')) return 'meter';
  if (token.startsWith('K:')) return 'key';
  if (PITCH_TOKEN.test(token)) return 'pitch';
  if (token === 'z') return 'rest';
  if (LENGTH_TOKEN.test(token)) return 'length';
  if (token === '-') return 'tie';
  if (/^\([234]$/.test(token)) return 'tuplet';
  if (BAR_TOKEN.test(token)) return 'bar';
  return 'other';
}

/**
 * Token-level grammar of the canonical ABC the model writes: meter, key, then a well-formed body. It turns
 * the pinned constraints into a mask over the vocabulary at every step, so every generated tune parses.
 */
export class MusicGrammar {
  private readonly kinds: Kind[];
  private readonly lengths: (Rational | null)[];
  /** Smallest length in the vocabulary (or 1): the least room a note can take. */
  private readonly smallest: Rational;
  private position = 0;
  private last: Kind | null = null;
  private noteHasLength = false;
  private notes = 0;
  private meter: Meter | null = null;
  private measure: Rational = ZERO;
  private measureOpenedAtEdge = true;
  private tupletLeft = 0;
  private tupletScale: Rational = rat(1);

  constructor(
    private readonly vocab: Vocab,
    private readonly constraints: MusicConstraints,
  ) {
    this.kinds = vocab.json.music.map(kindOf);
    this.lengths = vocab.json.music.map((t, i) => (this.kinds[i] === 'length' ? parseLength(t) : null));
    this.smallest = this.lengths.reduce<Rational>((a, b) => (b && cmp(b, a) < 0 ? b : a), rat(1));
    this.checkSatisfiable();
  }

  /** Throws a message naming the constraint when no token in the vocabulary can satisfy it. */
  private checkSatisfiable(): void {
    const tokens = this.vocab.json.music;
    const { meter, key, mode } = this.constraints;
    if (meter && !tokens.includes(`M:${meter}`)) {
      const known = tokens.filter((t) => t.startsWith('M:')).map((t) => t.slice(2));
      throw new RangeError(`meter ${meter} is not one the model knows (known: ${known.join(', ')})`);
    }
    if ((key || mode) && !tokens.some((t) => t.startsWith('K:') && this.keyAllowed(t))) {
      throw new RangeError(`no key in the model's vocabulary matches ${[key, mode].filter(Boolean).join(' ')}`);
    }
  }

  private keyAllowed(token: string): boolean {
    const m = /^K:([A-G][#b]?)(\w+)$/.exec(token);
    if (!m) return false;
    return (
      (!this.constraints.key || m[1] === this.constraints.key) &&
      (!this.constraints.mode || m[2] === this.constraints.mode)
    );
  }

  private scaled(len: Rational): Rational {
    return this.tupletLeft > 0 ? mul(len, this.tupletScale) : len;
  }

  /**
   * The bar as it will be once the note in progress is settled: any token but a length settles a note that
   * has none at its implicit length 1, and that note may close an open tuplet.
   */
  private settled(): { measure: Rational; tupletLeft: number; scale: Rational } {
    const pending = (this.last === 'pitch' || this.last === 'rest') && !this.noteHasLength;
    if (!pending) return { measure: this.measure, tupletLeft: this.tupletLeft, scale: this.tupletScale };
    const left = Math.max(0, this.tupletLeft - 1);
    return {
      measure: add(this.measure, this.scaled(rat(1))),
      tupletLeft: left,
      scale: left ? this.tupletScale : rat(1),
    };
  }

  /** Whether `used` plus `extra` stays within the bar (always, when not fitting bars). */
  private within(used: Rational, extra: Rational = ZERO): boolean {
    if (!this.fitting || !this.meter) return true;
    return cmp(add(used, extra), barLength(this.meter, rat(1, 8))) <= 0;
  }

  private barAllowed(measure: Rational, token: string): boolean {
    if (!this.fitting || !this.meter) return true;
    const c = cmp(measure, barLength(this.meter, rat(1, 8)));
    return c === 0 || (c < 0 && (this.measureOpenedAtEdge || token !== '|'));
  }

  private fitting = false;

  /** 1 for each vocabulary id allowed next. */
  allowed(): Uint8Array {
    this.fitting = this.constraints.fitBars;
    return this.mask();
  }

  private mask(): Uint8Array {
    const mask = new Uint8Array(this.kinds.length);
    const tokens = this.vocab.json.music;
    const body = this.position >= 2;
    const afterNote = this.last === 'pitch' || this.last === 'rest';
    const after = this.settled();
    // The note in progress fits the bar at its settled length.
    const finished = this.within(after.measure);
    // Room for a new note, and for the rest of its tuplet at the smallest length.
    const room = this.within(after.measure, mul(this.smallest, mul(rat(Math.max(1, after.tupletLeft)), after.scale)));
    this.kinds.forEach((kind, i) => {
      let ok = false;
      if (this.position === 0)
        ok = kind === 'meter' && (!this.constraints.meter || tokens[i] === `M:${this.constraints.meter}`);
      else if (this.position === 1) ok = kind === 'key' && this.keyAllowed(tokens[i]);
      else if (body) {
        switch (kind) {
          case 'pitch':
            ok = (this.last === 'tuplet' || finished) && room;
            break;
          case 'rest':
            ok = this.last !== 'tie' && (this.last === 'tuplet' || finished) && room;
            break;
          case 'length': {
            // This note's length, then the tuplet's remaining notes at the smallest length.
            const rest = this.tupletLeft > 1 ? mul(this.smallest, rat(this.tupletLeft - 1)) : ZERO;
            ok =
              afterNote && !this.noteHasLength && this.within(this.measure, this.scaled(add(this.lengths[i]!, rest)));
            break;
          }
          case 'tie':
            // Inside a tuplet the tied-to note must still fit.
            ok =
              (this.last === 'pitch' || (this.last === 'length' && this.lastWasNote)) &&
              finished &&
              (after.tupletLeft === 0 || room);
            break;
          case 'tuplet': {
            const p = Number(tokens[i][1]);
            const all = mul(this.smallest, rat(p === 3 ? 2 : 3));
            ok = this.last !== 'tuplet' && after.tupletLeft === 0 && finished && this.within(after.measure, all);
            break;
          }
          case 'bar':
            ok =
              (this.last !== 'bar' || BAR_AFTER_BAR.test(tokens[i])) &&
              this.last !== 'tuplet' &&
              (this.last !== 'key' || tokens[i] === '|:') &&
              after.tupletLeft === 0 &&
              finished &&
              this.barAllowed(after.measure, tokens[i]);
            break;
          case 'eos':
            ok = this.notes > 0 && this.last !== 'tuplet' && this.last !== 'tie' && after.tupletLeft === 0 && finished;
            break;
        }
      }
      if (ok) mask[i] = 1;
    });
    return mask;
  }

  private lastWasNote = false;

  /** Moves past a token (generated or taken from a prefix). */
  advance(token: string): void {
    const kind = kindOf(token);
    if (kind === 'meter') this.meter = meterFromToken(token);
    // A note's length is settled once anything but a length token follows it.
    if ((this.last === 'pitch' || this.last === 'rest') && kind !== 'length' && !this.noteHasLength)
      this.addToMeasure(rat(1));
    if (kind === 'pitch' || kind === 'rest') {
      this.notes += kind === 'pitch' ? 1 : 0;
      this.noteHasLength = false;
      this.lastWasNote = kind === 'pitch';
    } else if (kind === 'length') {
      this.noteHasLength = true;
      this.addToMeasure(parseLength(token)!);
    } else if (kind === 'tuplet') {
      const p = Number(token[1]);
      this.tupletScale = rat(p === 3 ? 2 : 3, p);
      this.tupletLeft = p;
    } else if (kind === 'bar') {
      this.measure = ZERO;
      this.measureOpenedAtEdge = token !== '|';
    }
    this.last = kind;
    this.position++;
  }

  private addToMeasure(len: Rational): void {
    this.measure = add(this.measure, this.scaled(len));
    if (this.tupletLeft > 0 && --this.tupletLeft === 0) this.tupletScale = rat(1);
  }
}
