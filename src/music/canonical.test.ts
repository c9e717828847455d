import { describe, expect, it } from 'vitest';
import { parseTune } from './abcParse';
import { abcjsWarnings } from './abcjsCheck';
import { bodyText, eventsToAbc, eventsToTokens } from './canonical';

const tune = (body: string, meter = '4/4', key = 'G') => parseTune(`X:1\nM:${meter}\nL:1/8\nK:${key}\n${body}`);

describe('eventsToTokens', () => {
  it('writes meter, key, then notes with lengths, ties, tuplets and bars', () => {
    const t = tune('|: G2-G/ (3ABc z | d4 :|1 e4 :|2 f4 |]', '2/4', 'Em');
    expect(eventsToTokens(t.meter, t.key, t.events)).toEqual(
      [
        'M:2/4',
        'K:Emin',
        '|:',
        'G',
        '2',
        '-',
        'G',
        '/2',
        '(3',
        'A',
        'B',
        'c',
        'z',
        '|',
        'd',
        '4',
        ':|1',
        'e',
        '4',
      ].concat([':|2', 'f', '4', '|]']),
    );
  });
});

describe('eventsToAbc', () => {
  it('writes a header abcjs reads and beams notes by beat', () => {
    const t = tune("A | ABc d2e | (3fga b2 c'3 | ^cde f-f2 | z6 |1 g6 :|2 a6 |]", '6/8', 'Ador');
    expect(eventsToAbc(t.meter, t.key, t.events, { x: 3, title: 'Two\nlines' })).toBe(
      "X:3\nT:Two lines\nM:6/8\nL:1/8\nK:Ador\nA | ABc d2e | (3fgab2c'3 | ^cde f-f2 |\nz6 |1 g6 :|2 a6 |]\n",
    );
  });

  it('omits the mode of a major key and the title when there is none', () => {
    const t = tune('GABc dedc |]');
    expect(eventsToAbc(t.meter, t.key, t.events)).toBe('X:1\nM:4/4\nL:1/8\nK:G\nGA Bc de dc |]\n');
  });

  it('breaks lines every four bars', () => {
    const t = tune('A8 | B8 | c8 | d8 | e8 | f8 | g8 | a8 | b8 |]');
    expect(bodyText(t.meter, t.events).split('\n')).toEqual(['A8 | B8 | c8 | d8 |', 'e8 | f8 | g8 | a8 |', 'b8 |]']);
  });

  it.each([
    ['4/4', 'G', 'GABc d2 z2 | (3efg a4 b2 |]'],
    ['6/8', 'Ddor', '|: A | d2e fed | c3 A3 :|'],
    ['3/4', 'Bb', 'B2 c/d/e/f/ g2 | f6 |]'],
    ['2/4', 'Amix', '(2a3b3 | (4c/d/e/f/ g2 |]'],
  ])('writes ABC that abcjs parses without warnings (%s, K:%s)', (meter, key, body) => {
    const t = tune(body, meter, key);
    expect(abcjsWarnings(eventsToAbc(t.meter, t.key, t.events, { title: 'T' }))).toEqual([]);
  });
});

describe('abcjsWarnings', () => {
  it.each(['X:1\nM:4/4\nL:1/8\nK:G\nab $ cd', 'X:1\nK:G\n[ab', 'X:1\nK:G\nab !nonsense! c'])(
    'reports problems in %j as plain text',
    (abc) => {
      const warnings = abcjsWarnings(abc);
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) expect(w).not.toMatch(/<[^>]+>/);
    },
  );
});
