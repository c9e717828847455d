import { describe, expect, it } from 'vitest';
import type { ModelCard } from './modelTypes';
import { loadPlan, RuntimeSectionError } from './runtimeFiles';
import { stubCard } from './stubCard';

const file = (name: string) => ({ name, bytes: 10, sha256: name.length.toString(16) });
const exported = ['encoder.onnx', 'decoder.onnx', 'vocab.json'].map(file);
const runtimeFiles = [
  'encoder.runtime.onnx',
  'encoder.runtime.weights',
  'decoder.runtime.onnx',
  'decoder.runtime.weights',
];
const runtime = {
  files: runtimeFiles.map(file),
  sessions: {
    encoder: { graph: 'encoder.runtime.onnx', weights: 'encoder.runtime.weights' },
    decoder: { graph: 'decoder.runtime.onnx', weights: 'decoder.runtime.weights' },
  },
};
const card = (extra: Record<string, unknown> = {}): ModelCard => ({
  ...stubCard({ music_vocab: 8, text_vocab: 8 }),
  files: exported,
  ...extra,
});
const names = (files: readonly { name: string }[]) => files.map((f) => f.name);

describe('loadPlan', () => {
  it.each([
    {
      name: 'WASM with a runtime form: its graphs and packs, and the vocabulary',
      card: card({ runtime }),
      backend: 'wasm' as const,
      files: [...runtimeFiles, 'vocab.json'],
      decoder: { graph: 'decoder.runtime.onnx', weights: 'decoder.runtime.weights' },
      optimised: true,
    },
    {
      name: 'WebGPU with a runtime form: the exported graphs',
      card: card({ runtime }),
      backend: 'webgpu' as const,
      files: ['encoder.onnx', 'decoder.onnx', 'vocab.json'],
      decoder: { graph: 'decoder.onnx' },
      optimised: false,
    },
    {
      name: 'WASM without a runtime form (a fresh export): the exported graphs',
      card: card(),
      backend: 'wasm' as const,
      files: ['encoder.onnx', 'decoder.onnx', 'vocab.json'],
      decoder: { graph: 'decoder.onnx' },
      optimised: false,
    },
  ])('$name', ({ card, backend, files, decoder, optimised }) => {
    const plan = loadPlan(card, backend);
    expect(names(plan.files)).toEqual(files);
    expect(plan.sessions.decoder).toEqual(decoder);
    expect(plan.optimised).toBe(optimised);
  });

  it.each([
    { name: 'not an object', runtime: 'yes', message: /does not fit/ },
    {
      name: 'a session without its pack',
      runtime: { ...runtime, sessions: { ...runtime.sessions, encoder: { graph: 'e' } } },
      message: /does not fit/,
    },
    {
      name: 'a file it does not list',
      runtime: { ...runtime, files: runtime.files.slice(1) },
      message: /does not list encoder.runtime.onnx/,
    },
  ])('refuses a runtime section that is $name', ({ runtime: bad, message }) => {
    expect(() => loadPlan(card({ runtime: bad }), 'wasm')).toThrow(RuntimeSectionError);
    expect(() => loadPlan(card({ runtime: bad }), 'wasm')).toThrow(message);
  });
});
