import { describe, expect, it } from 'vitest';
import { attentionMatrix, DEFAULT_ATTENTION_SETTINGS } from '../../explain/attention';
import { tokenBars } from '../../explain/tokenBars';
import { mapTune } from '../tuneMap';
import { colourClasses, noteTokenSpans, noteValues, rowNotes, rowOfClick, rowOfNote } from './linking';

// Two bars: D2 F A | d2 A F |
const TOKENS = ['M:6/8', 'K:Dmaj', 'D', '2', 'F', 'A', '|', 'd', '2', 'A', 'F', '|'];
const map = mapTune(TOKENS);

describe('map <-> score linking', () => {
  it('spans each note over its length tokens', () => {
    expect(noteTokenSpans(map, TOKENS.length)).toEqual([
      [2, 4],
      [4, 5],
      [5, 6],
      [7, 9],
      [9, 10],
      [10, 11],
    ]);
  });

  it('maps rows to notes and back, by bar and by token', () => {
    expect(rowNotes(map, TOKENS.length, 'bar', 1)).toEqual([3, 4, 5]);
    expect(rowNotes(map, TOKENS.length, 'token', 3)).toEqual([0]);
    expect(rowNotes(map, TOKENS.length, 'token', 6)).toEqual([]);
    expect(rowOfClick(map, 'bar', { kind: 'note', ordinal: 4 })).toBe(1);
    expect(rowOfClick(map, 'token', { kind: 'note', ordinal: 4 })).toBe(9);
    expect(rowOfClick(map, 'token', { kind: 'bar', ordinal: 0 })).toBe(6);
    expect(rowOfNote(map, 'bar', 2)).toBe(0);
    expect(rowOfNote(map, 'token', 3)).toBe(7);
    expect(rowOfNote(map, 'bar', null)).toBeNull();
  });

  it('colours notes by their mean attention to a word', () => {
    // One layer, one head, two words: token t attends (t/20) to word 0.
    const attention = TOKENS.map((_, t) => Float32Array.of(t / 20, 1 - t / 20));
    const m = attentionMatrix(
      { attention, layers: 1, heads: 1, words: ['jig', 'reel'], tokens: TOKENS, bars: tokenBars(TOKENS) },
      { ...DEFAULT_ATTENTION_SETTINGS, rows: 'token' },
    );
    const values = noteValues(map, m, 0);
    expect(Array.from(values, (v) => Math.round(v * 1000) / 1000)).toEqual([0.125, 0.2, 0.25, 0.375, 0.45, 0.5]);
    const classes = colourClasses(values);
    expect(classes['ap-att-0']).toEqual([0]);
    expect(classes['ap-att-4']).toEqual([4, 5]);
    expect(colourClasses([1, 1])['ap-att-0']).toEqual([0, 1]);
  });
});
