import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vocab, type VocabJson } from '../../tokenizer/vocab';
import { PRESET_PROMPTS } from './presets';

const vocab = new Vocab(JSON.parse(readFileSync(join(process.cwd(), 'public/models/vocab.json'), 'utf8')) as VocabJson);

describe('PRESET_PROMPTS', () => {
  it.each(PRESET_PROMPTS.map((p) => [p.title, p.prompt]))('%s: every word is one the model reads', (_, prompt) => {
    const encoded = vocab.encodePrompt(prompt);
    expect(encoded.unknownWords).toEqual([]);
    expect(encoded.truncated).toBe(0);
  });

  it('titles are distinct, so each gallery button has its own name', () => {
    expect(new Set(PRESET_PROMPTS.map((p) => p.title)).size).toBe(PRESET_PROMPTS.length);
  });
});
