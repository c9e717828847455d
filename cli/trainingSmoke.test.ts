import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, generate } from '../src/runtime/decode';
import { readTune } from '../src/runtime/score';
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
      '--data',
      join(dir, 'training/data'),
    ]);

    const model = await loadNodeModel(models);
    expect(model.card.config.d_model).toBe(32);
    const result = await generate(model.runner, model.vocab, model.vocab.encodePrompt('a jig in d'), [], {
      ...DEFAULT_SETTINGS,
      maxTokens: 12,
    });
    expect(result.tokens[0]).toMatch(/^M:/);
    expect(result.tokens[1]).toMatch(/^K:/);
    // The views read the attention of the finished tune in one teacher-forced call.
    const [reading] = await readTune(
      model.runner,
      model.vocab,
      [model.vocab.encodePrompt('a jig in d').ids],
      result.tokens,
    );
    expect(reading.crossAttention).toHaveLength(result.tokens.length + 1);

    // Row 0 of the golden batch, with its references (slots 1, 2, 3), read alone: padding must not matter.
    const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8'));
    const words = (golden.text[0] as number[]).filter((_, t) => golden.text_valid[0][t] > 0);
    const slots = golden.ref_slot[0] as number[];
    const refs = [1, 2, 3]
      .map((k) => Int32Array.from((golden.refs[0] as number[]).filter((_, r) => slots[r] === k)))
      .filter((r) => r.length > 0);
    expect(refs.length).toBeGreaterThan(0);
    const session = await model.runner.start([Int32Array.from(words)], [refs]);
    const out = await session.step([Int32Array.from(golden.tokens[0])]);
    const expected: number[] = golden.prefill.logits.data.slice(0, out.logits.length);
    const worst = Math.max(...expected.map((v, i) => Math.abs(v - out.logits[i])));
    expect(worst).toBeLessThan(5e-4);
  }, 180_000);
});
