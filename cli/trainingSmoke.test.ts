import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, generate } from '../src/runtime/decode';
import { loadNodeModel } from './nodeModel';

const PYTHON = '/usr/bin/python3';

/** The whole chain on a tiny config: corpus arrays -> a few training steps -> ONNX export -> onnxruntime-node. */
describe('training smoke test', () => {
  it('trains a tiny model, exports it, and runs it with onnxruntime-node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-smoke-'));
    const run = (cmd: string, args: string[]) =>
      execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run('npx', ['tsx', 'pipeline/runCorpus.ts', '--out', dir]);
    run(PYTHON, [
      'training/train.py',
      '--data',
      join(dir, 'training/data'),
      '--out',
      join(dir, 'run'),
      '--tiny',
      '--steps',
      '3',
      '--eval-every',
      '3',
    ]);
    const log = readFileSync(join(dir, 'run/log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log).toHaveLength(3);
    expect(Number.isFinite(log[2].valid_loss)).toBe(true);
    const models = join(dir, 'public/models');
    run(PYTHON, [
      'training/export.py',
      '--ckpt',
      join(dir, 'run/ckpt.pt'),
      '--out',
      models,
      '--golden',
      join(dir, 'golden.json'),
    ]);

    const model = await loadNodeModel(models);
    expect(model.card.config.d_model).toBe(32);
    const result = await generate(model.runner, model.vocab, model.vocab.encodePrompt('a jig in d'), [], {
      ...DEFAULT_SETTINGS,
      maxTokens: 12,
    });
    expect(result.tokens[0]).toMatch(/^M:/);
    expect(result.tokens[1]).toMatch(/^K:/);
    expect(result.crossAttention).toHaveLength(result.tokens.length);

    const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8'));
    const session = await model.runner.start([Int32Array.from(golden.text[0].slice(0, 4))]);
    const out = await session.step([Int32Array.from(golden.tokens[0])]);
    const expected: number[] = golden.prefill.logits.data.slice(0, out.logits.length);
    const worst = Math.max(...expected.map((v, i) => Math.abs(v - out.logits[i])));
    expect(worst).toBeLessThan(5e-4);
  }, 180_000);
});
