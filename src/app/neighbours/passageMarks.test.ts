import { describe, expect, it } from 'vitest';
import { spanBars, spanOrdinals } from './passageMarks';

const span = (firstNote: number, lastNote: number) => ({ firstNote, lastNote, firstBar: 0, lastBar: 0 });
const tune = (body: string) => ['M:4/4', 'K:Cmaj', ...body.split(' ')];

describe('spanOrdinals', () => {
  it.each([
    ['plain notes', tune('C 2 D 2 E 2 F 2 |'), [span(1, 2)], [1, 2]],
    ['a rest shifts the drawn ordinals', tune('C 2 z 2 D 2 E 2 |'), [span(1, 2)], [2, 3]],
    ['a tie across the bar draws both notes', tune('C 2 D 2 E 2 F 2 - | F 2 G 2 A 4 |'), [span(2, 4)], [2, 3, 4, 5]],
    ['two spans', tune('C 2 D 2 E 2 F 2 |'), [span(0, 0), span(3, 3)], [0, 3]],
    ['no spans', tune('C 2 D 2 |'), [], []],
  ])('%s', (_name, tokens, spans, expected) => {
    expect(spanOrdinals(tokens, spans)).toEqual(expected);
  });
});

describe('spanBars', () => {
  it.each([
    ['one bar, no pickup', tune('C 8 | D 8 |'), 1, 1, 'bar 2'],
    ['a range, no pickup', tune('C 8 | D 8 | E 8 |'), 0, 2, 'bars 1–3'],
    ['after a pickup, bar 0 first', tune('C 2 | D 8 | E 8 |'), 0, 1, 'bars 0–1'],
    ['one bar after a pickup', tune('C 2 | D 8 | E 8 |'), 2, 2, 'bar 2'],
  ])('%s', (_, tokens, firstBar, lastBar, text) => expect(spanBars(tokens, { firstBar, lastBar })).toBe(text));
});
