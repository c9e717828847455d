/**
 * The runtime form the browser loads on WASM (training/runtime_form.py) against the exported graphs the CLI loads:
 * the same card, the same tunes, the same readings. Both run in onnxruntime-node here; e2e/node-parity.spec.ts
 * checks the browser's tokens against the CLI's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, generate } from '../src/runtime/decode';
import type { ModelCard, ModelCardFile } from '../src/runtime/modelTypes';
import { OrtTuneModel } from '../src/runtime/ortRunner';
import { loadPlan } from '../src/runtime/runtimeFiles';
import { readTune } from '../src/runtime/score';
import { unpackWeights } from '../src/runtime/weightPack';
import { DEFAULT_MODEL_DIR, loadNodeModel, sha256, type LoadedModel } from './nodeModel';

const dir = DEFAULT_MODEL_DIR;
const card = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')) as ModelCard & {
  runtime: { made_from: Record<string, string>; files: ModelCardFile[] };
};

async function runtimeModel(exported: LoadedModel): Promise<OrtTuneModel> {
  const plan = loadPlan(card, 'wasm');
  const session = (graph: 'encoder' | 'decoder') => {
    const files = plan.sessions[graph];
    const external = unpackWeights(readFileSync(join(dir, files.weights!)));
    return ort.InferenceSession.create(readFileSync(join(dir, files.graph)), {
      graphOptimizationLevel: 'disabled',
      externalData: [{ path: external.path, data: external.data }],
      intraOpNumThreads: 1,
    });
  };
  return new OrtTuneModel(ort, await session('encoder'), await session('decoder'), card, exported.vocab.json.music);
}

describe('the runtime form', () => {
  let exported: LoadedModel;
  let runtime: OrtTuneModel;
  beforeAll(async () => {
    exported = await loadNodeModel(dir);
    runtime = await runtimeModel(exported);
  });

  it('was made from the exported graphs the card lists, and its files are the ones it lists', () => {
    const exportedGraphs = card.files.filter((f) => f.name.endsWith('.onnx'));
    expect(card.runtime.made_from).toEqual(Object.fromEntries(exportedGraphs.map((f) => [f.name, f.sha256])));
    for (const f of card.runtime.files) expect(sha256(readFileSync(join(dir, f.name))), f.name).toBe(f.sha256);
  });

  it('is what npm run model:runtime makes from the exported graphs, byte for byte', () => {
    const copy = mkdtempSync(join(tmpdir(), 'runtime-form-test-'));
    try {
      for (const f of [...card.files.map((f) => f.name), 'model-card.json']) cpSync(join(dir, f), join(copy, f));
      execFileSync('npx', ['tsx', 'scripts/runtimeForm.ts', '--models', copy], { stdio: 'pipe' });
      expect(readFileSync(join(copy, 'model-card.json'), 'utf8')).toBe(
        readFileSync(join(dir, 'model-card.json'), 'utf8'),
      );
      for (const f of card.runtime.files) expect(sha256(readFileSync(join(copy, f.name))), f.name).toBe(f.sha256);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('writes the same tunes as the exported graphs', async () => {
    for (const [i, prompt] of ['a lively reel in D major', 'slow air in g minor', 'a jig in a dorian'].entries()) {
      const settings = { ...DEFAULT_SETTINGS, seed: i + 1, maxTokens: 120 };
      const ids = exported.vocab.encodePrompt(prompt);
      const [a, b] = [
        await generate(exported.runner, exported.vocab, ids, [], settings),
        await generate(runtime, exported.vocab, ids, [], settings),
      ];
      expect(b.tokens, prompt).toEqual(a.tokens);
    }
  });

  it('reads a tune as the exported graphs do: log-probabilities, attention and hidden states', async () => {
    const { vocab } = exported;
    const tune = await generate(exported.runner, vocab, vocab.encodePrompt('a hornpipe in g'), [], {
      ...DEFAULT_SETTINGS,
      seed: 4,
      maxTokens: 150,
    });
    const prompts = ['a hornpipe in g', 'hornpipe', 'a waltz'].map((p) => vocab.encodePrompt(p).ids);
    const references = [[], [tune.tokens.slice(2, 30)], []];
    const [a, b] = [exported.runner, runtime].map((r) => readTune(r, vocab, prompts, tune.tokens, references));
    const [x, y] = [await a, await b];
    const worst = (p: ArrayLike<number>, q: ArrayLike<number>) =>
      Array.from(p).reduce((m, v, i) => Math.max(m, Math.abs(v - q[i])), 0);
    x.forEach((row, r) => {
      expect(worst(row.logProbs, y[r].logProbs)).toBeLessThan(1e-5);
      expect(worst(row.hidden[40], y[r].hidden[40])).toBeLessThan(1e-5);
      expect(worst(row.crossAttention[40], y[r].crossAttention[40])).toBeLessThan(1e-6);
    });
  });
});
