import { describe, expect, it } from 'vitest';
import { meanRows, musicEmbedding, textEmbedding } from './embedding';

describe('embeddings', () => {
  it('pools the encoder memory over the prompt words only', () => {
    // Two words then a padding row that must be ignored.
    const memory = Float32Array.of(1, 2, 3, 4, 100, 100);
    expect(Array.from(textEmbedding(memory, 2, 2))).toEqual([2, 3]);
  });

  it('pools hidden states over every position', () => {
    expect(Array.from(musicEmbedding([Float32Array.of(1, 0), Float32Array.of(0, 1), Float32Array.of(2, 2)]))).toEqual([
      1, 1,
    ]);
  });

  it('refuses empty input', () => {
    expect(() => meanRows(new Float32Array(0), 0, 2)).toThrow();
    expect(() => musicEmbedding([])).toThrow();
  });
});
