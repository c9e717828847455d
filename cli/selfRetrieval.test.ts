import { describe, expect, it } from 'vitest';
import { replaceMarked, sampleTraining, selfRetrieval, setup } from './selfRetrieval';

describe('self-retrieval on a small sample', () => {
  it('ranks each sampled training tune first under gradient influence, music and n-grams', async () => {
    const report = await selfRetrieval(await setup(), 10, 1, false);
    const byName = Object.fromEntries(report.conditions.map((c) => [c.name, c]));
    expect(report.tunes).toBe(10);
    for (const name of ['gradient, first caption', 'music', 'n-gram']) {
      expect(byName[name].top1Pct, `${name}: ${report.failures[name]?.join('; ')}`).toBe(100);
    }
    // Under a paraphrase of the indexed caption the gradient changes a little; the tune should still win.
    expect(byName['gradient, second caption'].top1Pct).toBeGreaterThanOrEqual(80);
  }, 120_000);
});

describe('helpers', () => {
  it('draws distinct training tunes, the same for the same seed', () => {
    const training = Uint8Array.from({ length: 50 }, (_, i) => (i % 5 ? 1 : 0));
    const a = sampleTraining(training, 10, 3);
    expect(new Set(a).size).toBe(10);
    expect(a.every((i) => training[i])).toBe(true);
    expect(sampleTraining(training, 10, 3)).toEqual(a);
  });

  it('replaces only the marked section of the docs', () => {
    const doc = 'intro\n<!-- self-retrieval:begin -->\nold\n<!-- self-retrieval:end -->\nrest\n';
    expect(replaceMarked(doc, 'new')).toBe(
      'intro\n<!-- self-retrieval:begin -->\nnew\n<!-- self-retrieval:end -->\nrest\n',
    );
    expect(() => replaceMarked('no markers', 'x')).toThrow(/self-retrieval:begin/);
  });
});
