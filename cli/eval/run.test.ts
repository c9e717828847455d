import { describe, expect, it } from 'vitest';
import { stubCard } from '../../src/runtime/stubCard';
import { buildCopyIndex } from '../../src/explain/copyDetect';
import type { DecoderSession, StepOutput, TuneModelRunner } from '../../src/runtime/modelTypes';
import { Vocab } from '../../src/tokenizer/vocab';
import { tokensToSequence } from '../catalogue';
import { FEATURE_PAIRS, pairJobs } from './featurePairs';
import type { Ask } from './prompts';
import type { ReferenceCase } from './references';
import { runFeaturePairs, runHeldOut, runReferences, type EvalModel } from './run';

const MUSIC = ['<pad>', '<s>', '</s>', 'M:4/4', 'K:Dmaj', 'D', 'E', 'F', 'G', 'A', 'B', 'c', 'd', '|', '|]'];
const VOCAB = new Vocab({ music: MUSIC, text: ['<pad>', '<none>', '<unk>', 'a', 'reel', 'in', 'd'] });
const id = (t: string) => MUSIC.indexOf(t);
const ids = (s: string) => s.split(' ').map(id);

/** The stub's own tune, written when a row has no reference. */
const OWN = ids('M:4/4 K:Dmaj D F A d | c A F D | E G B G | A F D F | D 2 D 2 |] </s>'.replace(/ 2/g, ''));
/** A reference tune: four bars, none of them shared with OWN. */
const REF_TUNE = 'M:4/4 K:Dmaj D E F G | A B c d | d c B A | G F E D |'.split(' ');

/**
 * A scripted model: each row writes its first reference (then stops) if it has one, else OWN. Logits put 30 on
 * the scripted token, so sampling follows the script and a reading gives other tunes low likelihood.
 */
function scriptedModel(): EvalModel {
  const card = stubCard({ max_music: 64, music_vocab: MUSIC.length, text_vocab: 7 });
  const runner: TuneModelRunner = {
    card,
    async start(prompts, references) {
      const scripts = prompts.map((_, b) => {
        const ref = references?.[b]?.[0];
        return ref ? [...Array.from(ref), id('</s>')] : OWN;
      });
      const T = Math.max(...prompts.map((p) => p.length));
      const R = Math.max(0, ...(references ?? []).map((row) => row.reduce((a, r) => a + r.length, 0)));
      let fed = 0;
      const session: DecoderSession = {
        get pastLength() {
          return fed;
        },
        async step(tokens): Promise<StepOutput> {
          const [B, S, V] = [tokens.length, tokens[0].length, MUSIC.length];
          const logits = new Float32Array(B * S * V);
          for (let b = 0; b < B; b++)
            for (let s = 0; s < S; s++) logits[(b * S + s) * V + (scripts[b][fed + s] ?? id('</s>'))] = 30;
          fed += S;
          return {
            logits,
            crossAttention: new Float32Array(B * S * (T + R)),
            hidden: new Float32Array(B * S * 2),
            batch: B,
            newTokens: S,
            textLength: T,
            memoryLength: T + R,
          };
        },
        dispose() {},
      };
      return session;
    },
  };
  return { runner, vocab: VOCAB };
}

const SETTINGS = {
  seed: 1,
  temperature: 0.9,
  topK: 0,
  topP: 0.95,
  guidance: 1.5,
  maxTokens: 60,
  meter: null,
  key: null,
  mode: null,
  fitBars: false,
};
const noTick = () => {};

describe('runHeldOut', () => {
  it('writes every prompt with every seed and measures each tune', async () => {
    const asks: Ask[] = [
      { text: 'a reel in D', meters: ['4/4', '2/2'], meterFrom: 'type', tonic: 'D', mode: 'maj', type: 'reel' },
      { text: 'a jig in G', meters: ['6/8'], meterFrom: 'type', tonic: 'G', mode: 'maj', type: 'jig' },
    ];
    const r = await runHeldOut(scriptedModel(), asks, 2, SETTINGS, buildCopyIndex([]), noTick);
    expect(r.outcomes.map((xs) => xs.map((x) => [x.meterOk, x.tonicOk]))).toEqual([
      [
        [true, true],
        [true, true],
      ],
      [
        [false, false],
        [false, false],
      ],
    ]);
    expect(r.headers[0]).toEqual(['M:4/4 K:Dmaj', 'M:4/4 K:Dmaj']);
    expect(r.outcomes[0][0].noteKey?.inKey).toBe(true);
    expect(r.tokens).toBe(4 * (OWN.length - 1));
  });
});

describe('runFeaturePairs', () => {
  it('measures both words of every job', async () => {
    const jobs = pairJobs(FEATURE_PAIRS.slice(0, 1), ['a {w} reel in d'], 2);
    const out = await runFeaturePairs(scriptedModel(), jobs, SETTINGS, noTick);
    expect(out.map((o) => [o.smaller, o.larger])).toEqual([
      [3.6, 3.6],
      [3.6, 3.6],
    ]);
  });
});

describe('runReferences', () => {
  it('finds the reference in the tune written with it, with a positive lift, and flags the copy', async () => {
    const c: ReferenceCase = {
      id: 'ref',
      prompt: 'a reel in d',
      excerpt: REF_TUNE,
      tune: REF_TUNE,
      otherId: 'other',
      otherExcerpt: REF_TUNE.slice(0, 7),
    };
    const copyIndex = buildCopyIndex([{ id: 'ref', seq: tokensToSequence(REF_TUNE) }]);
    const [o] = await runReferences(scriptedModel(), [c], SETTINGS, copyIndex, noTick);
    expect(o.shareWith).toBe(1);
    expect(o.shareWithout).toBe(0);
    expect(o.lift).toBeGreaterThan(100);
    // With two references the stub follows the first: removing it costs likelihood, removing the second not.
    expect(o.liftsOfTwo[0]).toBeGreaterThan(100);
    expect(o.liftsOfTwo[1]).toBeCloseTo(0, 6);
    expect([o.copiedWithOne, o.copiedWithTwo]).toEqual([true, true]);
  });
});
