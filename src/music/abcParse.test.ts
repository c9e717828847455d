import { describe, expect, it } from 'vitest';
import { AbcError, normalisePitch, parseTune, splitTunes, type DropReason } from './abcParse';
import { eventsToTokens } from './canonical';

/** A tune record around a body, with 4/4, L:1/8 and K:G unless the header says otherwise. */
const record = (body: string, header = 'M:4/4\nL:1/8\nK:G') => `X:1\nT:Test\n${header}\n${body}`;

/** The body's tokens as one string: notes, lengths in eighths, ties, tuplets and bar lines. */
const bodyTokens = (body: string, header?: string): string => {
  const tune = parseTune(record(body, header));
  return eventsToTokens(tune.meter, tune.key, tune.events).slice(2).join(' ');
};

const dropReason = (rec: string): DropReason | null => {
  try {
    parseTune(rec);
    return null;
  } catch (e) {
    if (e instanceof AbcError) return e.reason;
    throw e;
  }
};

describe('splitTunes', () => {
  it('splits at X: lines and drops the file header', () => {
    const text = '%abc-2.1\nZ:file header\n\nX:1\nT:One\nK:D\nabc\n\nX:2\r\nT:Two\r\nK:G\r\ndef\n';
    const tunes = splitTunes(text);
    expect(tunes).toHaveLength(2);
    expect(tunes[0]).toBe('X:1\nT:One\nK:D\nabc\n');
    expect(tunes[1].startsWith('X:2\nT:Two')).toBe(true);
  });

  it('finds nothing without an X: line', () => {
    expect(splitTunes('T:No number\nK:D\nabc')).toEqual([]);
  });
});

describe('parseTune header', () => {
  it('reads meter, key and every header field in order', () => {
    const tune = parseTune('X: 7\nT: First\nT: Second\nC: Someone\nM: 6/8\nL: 1/8\nR: jig\nK: Ador\nABc def |');
    expect(tune.meter).toEqual({ num: 6, den: 8 });
    expect(tune.key).toEqual({ tonic: 'A', mode: 'dor' });
    expect(tune.header.X).toEqual(['7']);
    expect(tune.header.T).toEqual(['First', 'Second']);
    expect(tune.header.R).toEqual(['jig']);
  });

  it('strips comments but keeps escaped percent signs out of the music', () => {
    expect(bodyTokens('abc % a comment with |: bars\ndef')).toBe('a b c d e f');
  });
});

describe('parseTune cleaning', () => {
  it.each([
    ['decorations', '!trill!c !fermata!d +accent+e ~f .g Hc Tc uc vc', 'c d e f g c c c c'],
    ['grace notes', '{ag}B {/c}A {efg}G', 'B A G'],
    ['slurs', '(GF) (E D C)', 'G F E D C'],
    ['annotations and chord symbols', '"Am"A "^segue"B "_below"c', 'A B c'],
    ['fingerings', '!1!c !4!d "4"e "0"f', 'c d e f'],
    ['chords keep the top note', '[CEG]2 [c2e2g2] [G,B,D] [e^cA]', 'G 2 g 2 D e'],
    ['chord ties', '[ce]-e', 'e - e'],
    ['broken rhythm', 'a>b c<d', 'a 3/2 b /2 c /2 d 3/2'],
    ['double-dotted broken rhythm', 'e>>f g<<a', 'e 7/4 f /4 g /4 a 7/4'],
    ['broken rhythm on longer notes', 'a2>b2', 'a 3 b'],
    ['lengths', 'a/2b/ c// d3/2 e3/ f4 g', 'a /2 b /2 c /4 d 3/2 e 3/2 f 4 g'],
    ['octaves are written canonically', "c, C' b,, B C,,", 'C c B, B C,,'],
    ['accidentals', '^^f __B =c ^c _e', '^^f __B =c ^c _e'],
    ['rests, visible or not', 'z2 x2 a z/', 'z 2 z 2 a z /2'],
    ['ties', 'c2-c2 d-|d', 'c 2 - c 2 d - | d'],
    ['tuplets', '(3abc (3:2:3def (2ab (4abcd', '(3 a b c (3 d e f (2 a b (4 a b c d'],
    ['tuplet with slurred notes', '(3(A2G2F2)', '(3 A 2 G 2 F 2'],
    ['line continuations', 'abc\\\ndef', 'a b c d e f'],
    ['spacers and stray marks', 'a y b # c', 'a b c'],
  ])('%s', (_, body, tokens) => {
    expect(bodyTokens(body)).toBe(tokens);
  });

  it.each([
    ['repeats and numbered endings', '|: ab :|1 cd :|2 ef |]', '|: a b :|1 c d :|2 e f |]'],
    ['plain-bar first ending', 'ab |1 cd :| ef', 'a b |1 c d :| e f'],
    ['bracketed endings apart from the bar line', '|: ab | [1 cd :| [2 ef |]', '|: a b |1 c d :|2 e f |]'],
    ['bracket endings glued to the bar line', 'ab |[1 cd :|[2 ef ||', 'a b |1 c d :|2 e f ||'],
    ['double repeat', 'ab :: cd :|: ef', 'a b :: c d :: e f'],
    ['thin-thick and thick-thin bars', '[| ab |] cd', '|] a b |] c d'],
    ['doubled bar lines collapse', 'ab || | cd', 'a b || c d'],
  ])('%s', (_, body, tokens) => {
    expect(bodyTokens(body)).toBe(tokens);
  });

  it.each([
    ['L:1/16 halves every length', 'M:2/4\nL:1/16\nK:Gm', 'G3-A B2c2 | d4 z4 |', 'G 3/2 - A /2 B c | d 2 z 2 |'],
    ['a meter under 3/4 defaults to L:1/16', 'M:2/4\nK:D', 'A2B2 c4 | d8 |', 'A B c 2 | d 4 |'],
    ['3/4 defaults to L:1/8', 'M:3/4\nK:D', 'A2B2 c2 |', 'A 2 B 2 c 2 |'],
    ['L:1/4', 'M:4/4\nL:1/4\nK:D', 'A B c/2 |', 'A 2 B 2 c |'],
    ['inline unit change', 'M:6/8\nL:1/8\nK:D', 'ABc [L:1/16] d2e2f2 |', 'A B c d e f |'],
    ['unit change on its own line', 'M:6/8\nL:1/8\nK:D', 'ABc |\nL:1/16\nd2e2f2 |', 'A B c | d e f |'],
    ['repeated fields that change nothing', 'M:4/4\nL:1/8\nK:D', 'ab\nM:4/4\n[K:D] cd\nP:B\nw: words', 'a b c d'],
  ])('%s', (_, header, body, tokens) => {
    expect(bodyTokens(body, header)).toBe(tokens);
  });

  it('reads M:C| and modal keys into canonical tokens', () => {
    const tune = parseTune(record('ab', 'M:C|\nK:E Minor'));
    expect(eventsToTokens(tune.meter, tune.key, tune.events)).toEqual(['M:2/2', 'K:Emin', 'a', 'b']);
  });
});

describe('parseTune drop reasons', () => {
  it.each<[DropReason, string]>([
    ['no meter', 'X:1\nT:t\nK:D\nabc'],
    ['no key', 'X:1\nT:t\nM:4/4\nabc'],
    ['unsupported key', record('abc', 'M:4/4\nK:Hp')],
    ['unsupported key', record('abc', 'M:4/4\nK:D exp ^f')],
    ['unsupported meter', record('abc', 'M:none\nK:D')],
    ['meter change', record('ab [M:3/4] cd')],
    ['meter change', record('ab |\nM:6/8\ncd')],
    ['key change', record('ab [K:Ddor] cd')],
    ['key change', record('ab |\nK:Am\ncd')],
    ['multiple voices', 'X:1\nM:4/4\nV:1\nK:D\nab'],
    ['multiple voices', record('ab |\nV:2\ncd')],
    ['multiple voices', record('ab [V:2] cd')],
    ['multiple voices', record('ab & cd')],
    ['unsupported tuplet', record('(5abcde')],
    ['unsupported tuplet', record('(3:3:3abc')],
    ['unsupported tuplet', record('(3a(3bcd')],
    ['unsupported tuplet', record('(3ab | c')],
    ['unsupported ending', record('ab |3 cd')],
    ['unsupported ending', record('ab [1 cd')],
    ['unparsed symbol', record('ab Z2 |')],
    ['unparsed symbol', record('ab @ cd')],
    ['bad length', record('abc', 'M:4/4\nL:one\nK:D')],
    ['bad length', record('a0b')],
    ['broken rhythm without notes', record('>ab')],
    ['broken rhythm without notes', record('ab>')],
    ['empty', record('| z4 |')],
    ['empty', record('')],
  ])('%s: %j', (reason, rec) => {
    expect(dropReason(rec)).toBe(reason);
  });

  it('says where in the body reading stopped', () => {
    try {
      parseTune(record('abc |\nde Z2'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AbcError);
      expect((e as AbcError).position).toBe('abc |\n'.length + 3);
    }
  });
});

describe('normalisePitch', () => {
  it.each([
    ['c,', 'C'],
    ["C'", 'c'],
    ["c''", "c''"],
    ["B,'", 'B'],
    ['^f,', '^F'],
    ['_B,,', '_B,,'],
  ])('%s -> %s', (written, canonical) => {
    expect(normalisePitch(written)).toBe(canonical);
  });
});
