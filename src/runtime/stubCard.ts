import type { ModelCard, ModelShape } from './modelTypes';

/** A model card for tests' stub runners: a tiny shape, with the fields a test cares about given. Tests only. */
export function stubCard(shape: Partial<ModelShape> & Pick<ModelShape, 'music_vocab' | 'text_vocab'>): ModelCard {
  return {
    name: 'stub',
    files: [],
    config: {
      dec_layers: 1,
      n_heads: 1,
      d_model: 2,
      enc_layers: 1,
      max_text: 8,
      max_music: 16,
      max_ref: 96,
      beat_vocab: 160,
      ...shape,
    },
  };
}
