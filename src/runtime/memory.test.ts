import { describe, expect, it } from 'vitest';
import { Vocab } from '../tokenizer/vocab';
import { checkRowReferences, memoryInputs, memoryLayout, referenceIds } from './memory';

const ids = (...xs: number[]) => Int32Array.from(xs);

describe('memoryInputs', () => {
  it('pads words and references and marks what is real', () => {
    const m = memoryInputs([ids(5, 6, 7), ids(8)], [[ids(20, 21), ids(22)], []], 32, 96);
    expect([m.batch, m.textLength, m.refLength]).toEqual([2, 3, 3]);
    expect(Array.from(m.text)).toEqual([5, 6, 7, 8, 0, 0]);
    expect(Array.from(m.textValid)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(Array.from(m.refs)).toEqual([20, 21, 22, 0, 0, 0]);
    expect(Array.from(m.refSlot)).toEqual([1, 1, 2, 0, 0, 0]);
    expect(Array.from(m.memoryValid)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it.each([
    ['no references given', undefined],
    ['every row without references', [[], []]],
  ])('%s: zero reference columns', (_name, refs) => {
    const m = memoryInputs([ids(5, 6), ids(8)], refs, 32, 96);
    expect(m.refLength).toBe(0);
    expect(m.refs).toHaveLength(0);
    expect(Array.from(m.memoryValid)).toEqual([1, 1, 1, 0]);
  });

  it('pads the shorter row of references with slot 0', () => {
    const m = memoryInputs([ids(1), ids(1)], [[ids(9)], [ids(3, 4), ids(5)]], 32, 96);
    expect(Array.from(m.refSlot)).toEqual([1, 0, 0, 1, 1, 2]);
    expect(Array.from(m.memoryValid)).toEqual([1, 1, 0, 0, 1, 1, 1, 1]);
  });

  it.each([
    ['wider than the rows need', { textLength: 4, refLength: 2 }, [4, 2]],
    ['narrower than the rows need: the rows win', { textLength: 1, refLength: 0 }, [2, 1]],
    ['past max_text: cut to it', { textLength: 40, refLength: 1 }, [32, 1]],
  ])('pads at least as asked: %s', (_name, atLeast, [T, R]) => {
    const m = memoryInputs([ids(5, 6), ids(8)], [[ids(9)], []], 32, 96, atLeast);
    expect([m.textLength, m.refLength]).toEqual([T, R]);
    expect(Array.from(m.textValid.subarray(0, T))).toEqual([1, 1, ...new Array(T - 2).fill(0)]);
    expect(Array.from(m.memoryValid.subarray(0, T + R))).toEqual([
      1,
      1,
      ...new Array(T - 2).fill(0),
      1,
      ...new Array(R - 1).fill(0),
    ]);
  });

  it('cuts prompts to max_text', () => {
    expect(memoryInputs([ids(1, 2, 3, 4)], undefined, 2, 96).textLength).toBe(2);
  });

  it.each([
    ['four references', [[ids(1), ids(1), ids(1), ids(1)]], /at most 3/],
    ['an empty reference', [[ids()]], /reference 1 has 0 tokens/],
    ['a reference too long', [[ids(1), ids(...new Array(97).fill(1))]], /reference 2 has 97 tokens.*1 to 96/],
  ])('rejects %s', (_name, rows, message) => {
    expect(() => checkRowReferences(rows, 96)).toThrow(RangeError);
    expect(() => memoryInputs([ids(1)], rows, 32, 96)).toThrow(message);
  });
});

describe('referenceIds and memoryLayout', () => {
  const vocab = new Vocab({ music: ['<pad>', '<s>', '</s>', 'M:2/4', 'K:Dmaj', 'd', '|'], text: ['<pad>'] });

  it('maps tokens to ids and names unknown ones', () => {
    expect(referenceIds(vocab, [['M:2/4', 'K:Dmaj', 'd', '|']]).map((r) => Array.from(r))).toEqual([[3, 4, 5, 6]]);
    expect(() => referenceIds(vocab, [['d'], ['M:2/4', 'e']])).toThrow(/reference 2 .* e$/);
  });

  it('places references after the words, in order', () => {
    expect(
      memoryLayout(4, 12, [
        ['a', 'b'],
        ['c', 'd', 'e'],
      ]),
    ).toEqual({
      textLength: 4,
      references: [
        { start: 4, tokens: ['a', 'b'] },
        { start: 6, tokens: ['c', 'd', 'e'] },
      ],
      length: 12,
    });
    expect(() => memoryLayout(4, 5, [['a', 'b']])).toThrow(/need 6 memory columns/);
  });
});
