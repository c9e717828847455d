/** Reference ablation on the shipped model: a reference that shaped a tune gets a larger share than one that did not. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ablationReadings } from '../src/explain/ablationReadings';
import { generate, DEFAULT_SETTINGS } from '../src/runtime/decode';
import { makeReference, type Reference } from '../src/music/excerpt';
import { readCatalogue } from './catalogue';
import { loadNodeModel, type LoadedModel } from './nodeModel';

let model: LoadedModel;
let shaping: Reference;
let other: Reference;

beforeAll(async () => {
  model = await loadNodeModel();
  const { entries } = readCatalogue();
  const train = entries.filter((e) => e.split === 'train' && e.tokens.filter((t) => t === '|').length >= 8);
  // Two tunes of different meters, so the one the tune was written from is easy to tell apart.
  const jig = train.find((e) => e.meter === '6/8')!;
  const reel = train.find((e) => e.meter === '4/4' || e.meter === 'C|' || e.meter === '2/2')!;
  shaping = makeReference({ kind: 'catalogue', id: jig.id, title: jig.titles[0] }, jig.tokens, { first: 1, last: 4 });
  other = makeReference({ kind: 'catalogue', id: reel.id, title: reel.titles[0] }, reel.tokens, { first: 1, last: 4 });
}, 120_000);

describe('ablationReadings', () => {
  it('gives the reference a generation was written from a larger share than one added afterwards', async () => {
    const words = model.vocab.encodePrompt('a tune').words;
    const prompt = model.vocab.encodePrompt('a tune');
    const tune = await generate(
      model.runner,
      model.vocab,
      prompt,
      [],
      { ...DEFAULT_SETTINGS, seed: 3, maxTokens: 96, referenceWeight: 2 },
      {},
      [shaping.tokens],
    );
    const r = await ablationReadings(model.runner, model.vocab, words, tune.tokens, [shaping.tokens, other.tokens]);
    const [a, b] = r.references;
    expect(a.drop).toBeGreaterThan(b.drop);
    expect(a.share).toBeGreaterThan(b.share);
    expect(a.share).toBeGreaterThan(0.5);
    expect(r.withNone).not.toBeNull();
  }, 120_000);

  it('gives the reference a tune copies the larger share, in either order', async () => {
    // The tune is the shaping reference's own bars: reading it, that reference carries it.
    const tune = shaping.tokens;
    for (const refs of [
      [shaping, other],
      [other, shaping],
    ]) {
      const r = await ablationReadings(
        model.runner,
        model.vocab,
        ['reel'],
        tune,
        refs.map((x) => x.tokens),
      );
      const at = refs.indexOf(shaping);
      expect(r.references[at].share).toBeGreaterThan(r.references[1 - at].share);
      expect(r.references[at].drop).toBeGreaterThan(1);
    }
  }, 120_000);
});
