import { describe, expect, it } from 'vitest';
import { outputPlan, type OutputPlan } from './outputs';

describe('outputPlan', () => {
  const shippedDir = '/repo/public/models';
  it.each<[string, string, string | undefined, boolean, OutputPlan]>([
    [
      'full run of the shipped model',
      shippedDir,
      undefined,
      false,
      { card: true, doc: 'docs/eval-model.md', readme: true },
    ],
    [
      'shipped model given as a relative path',
      'public/models',
      undefined,
      false,
      { card: true, doc: 'docs/eval-model.md', readme: true },
    ],
    [
      'shipped model, --out the default path spelled out',
      shippedDir,
      './docs/eval-model.md',
      false,
      { card: true, doc: './docs/eval-model.md', readme: true },
    ],
    ['shipped model, --out elsewhere', shippedDir, '/tmp/e.md', false, { card: true, doc: '/tmp/e.md', readme: false }],
    [
      'quick run of the shipped model',
      shippedDir,
      undefined,
      true,
      { card: false, doc: 'docs/eval-model.md', readme: false },
    ],
    [
      'another model',
      'training/runs/tiny-export',
      undefined,
      false,
      { card: true, doc: 'training/runs/tiny-export/eval-model.md', readme: false },
    ],
    [
      'another model, quick, --out',
      'training/runs/tiny-export',
      '/tmp/e.md',
      true,
      { card: true, doc: '/tmp/e.md', readme: false },
    ],
    [
      'another model, --out the default doc',
      'training/runs/x',
      'docs/eval-model.md',
      false,
      { card: true, doc: 'docs/eval-model.md', readme: false },
    ],
  ])('%s', (_, modelDir, out, quick, plan) => {
    expect(outputPlan({ modelDir, shippedDir, out, quick, cwd: '/repo' })).toEqual(plan);
  });
});
