/** The part of the evaluation that drives the model: writing and reading tunes. The measuring is elsewhere. */
import type { CopyIndex } from '../../src/explain/copyDetect';
import { copyScore } from '../../src/explain/copyDetect';
import { computeFeatures } from '../../src/music/features';
import { DEFAULT_SETTINGS, generate, type GenerationSettings } from '../../src/runtime/decode';
import type { ReferenceTokens } from '../../src/runtime/memory';
import type { TuneModelRunner } from '../../src/runtime/modelTypes';
import { readTune } from '../../src/runtime/score';
import type { Vocab } from '../../src/tokenizer/vocab';
import { tokensToSequence } from '../catalogue';
import type { PairJob, PairOutcome } from './featurePairs';
import { measureTune, type TuneOutcome } from './measures';
import type { Ask } from './prompts';
import { sharedPassageShare, type ReferenceCase, type ReferenceOutcome } from './references';

/** What the evaluation needs of a loaded model (a LoadedModel, or a stub in tests). */
/** Nothing pinned: meter, key and mode are the model's own, and the bars as it writes them. */
export const MODEL_ALONE: GenerationSettings = {
  ...DEFAULT_SETTINGS,
  meter: null,
  key: null,
  mode: null,
  fitBars: false,
};

export interface EvalModel {
  readonly runner: TuneModelRunner;
  readonly vocab: Vocab;
}

export interface Written {
  readonly tokens: string[];
  readonly ms: number;
}

async function write(
  model: EvalModel,
  prompt: string,
  settings: GenerationSettings,
  seed: number,
  references: ReferenceTokens = [],
): Promise<Written> {
  const encoded = model.vocab.encodePrompt(prompt);
  const r = await generate(model.runner, model.vocab, encoded, [], { ...settings, seed }, {}, references);
  return { tokens: r.tokens, ms: r.timings.totalMs };
}

export interface HeldOutRun {
  /** One per prompt, one per seed. */
  readonly outcomes: TuneOutcome[][];
  /** The meter and key tokens written for each prompt, one per seed. */
  readonly headers: string[][];
  readonly tokens: number;
  readonly ms: number;
  /** Duration-weighted pitch-class histogram over all tunes (not normalised). */
  readonly pitchClasses: Float64Array;
}

export async function runHeldOut(
  model: EvalModel,
  asks: readonly Ask[],
  seeds: number,
  settings: GenerationSettings,
  copyIndex: CopyIndex,
  tick: () => void,
): Promise<HeldOutRun> {
  const outcomes: TuneOutcome[][] = [];
  const headers: string[][] = [];
  const pitchClasses = new Float64Array(12);
  let tokens = 0;
  let ms = 0;
  for (const ask of asks) {
    const mine: TuneOutcome[] = [];
    const heard: string[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const w = await write(model, ask.text, settings, seed);
      mine.push(measureTune(w.tokens, ask, copyIndex));
      heard.push(w.tokens.slice(0, 2).join(' '));
      for (const n of tokensToSequence(w.tokens).notes) pitchClasses[n.midi % 12] += n.durationBeats;
      tokens += w.tokens.length;
      ms += w.ms;
    }
    outcomes.push(mine);
    headers.push(heard);
    tick();
  }
  return { outcomes, headers, tokens, ms, pitchClasses };
}

/** The measured feature of a tune, or null when it has no notes. */
function featureOf(tokens: readonly string[], feature: PairJob['pair']['feature']): number | null {
  const seq = tokensToSequence(tokens);
  return seq.notes.length ? computeFeatures(seq)[feature] : null;
}

export async function runFeaturePairs(
  model: EvalModel,
  jobs: readonly PairJob[],
  settings: GenerationSettings,
  tick: () => void,
): Promise<PairOutcome[]> {
  const out: PairOutcome[] = [];
  for (const job of jobs) {
    const a = await write(model, job.smallerPrompt, settings, job.seed);
    const b = await write(model, job.largerPrompt, settings, job.seed);
    out.push({ job, smaller: featureOf(a.tokens, job.pair.feature), larger: featureOf(b.tokens, job.pair.feature) });
    tick();
  }
  return out;
}

/** log p(tune | prompt, refs) for each row of references, in one batched reading. */
async function totals(model: EvalModel, prompt: string, tokens: string[], rows: ReferenceTokens[]) {
  const ids = model.vocab.encodePrompt(prompt).ids;
  const readings = await readTune(
    model.runner,
    model.vocab,
    rows.map(() => ids),
    tokens,
    rows,
    { attention: false },
  );
  return readings.map((r) => r.total);
}

export async function runReferences(
  model: EvalModel,
  cases: readonly ReferenceCase[],
  settings: GenerationSettings,
  copyIndex: CopyIndex,
  tick: () => void,
): Promise<ReferenceOutcome[]> {
  const out: ReferenceOutcome[] = [];
  for (const [i, c] of cases.entries()) {
    const seed = i + 1;
    const ref = [...c.excerpt];
    const other = [...c.otherExcerpt];
    const without = await write(model, c.prompt, settings, seed);
    const withOne = await write(model, c.prompt, settings, seed, [ref]);
    const withTwo = await write(model, c.prompt, settings, seed, [ref, other]);
    const [one, none] = await totals(model, c.prompt, withOne.tokens, [[ref], []]);
    const [both, onlyOther, onlyRef] = await totals(model, c.prompt, withTwo.tokens, [[ref, other], [other], [ref]]);
    const tune = tokensToSequence(c.tune);
    const seqOne = tokensToSequence(withOne.tokens);
    out.push({
      id: c.id,
      shareWith: sharedPassageShare(seqOne, tune),
      shareWithout: sharedPassageShare(tokensToSequence(without.tokens), tune),
      lift: one - none,
      liftsOfTwo: [both - onlyOther, both - onlyRef],
      copiedWithOne: copyScore(seqOne, copyIndex).flagged,
      copiedWithTwo: copyScore(tokensToSequence(withTwo.tokens), copyIndex).flagged,
    });
    tick();
  }
  return out;
}
