/**
 * Occlusion: how the teacher-forced log-probability of a fixed tune changes when the prompt changes.
 * Pure over readings (log-probabilities per token, then </s>); `occlusionReadings.ts` produces them.
 */
import type { LabelledMatrix } from './attention';
import type { Interpreter, SettingsSpec } from './interpreter';
import { leaveOneOut } from './perturb';
import { barLabel, NO_BAR, type TokenBars } from './tokenBars';

/** What occlusion needs of a reading: `readTune`'s TuneReading fits. */
export interface LogProbReading {
  /** log p(token_i | prompt, earlier tokens) per tune token, then one for </s>. */
  readonly logProbs: ArrayLike<number>;
  readonly total: number;
}

/** The change from a base reading to another one (other minus base; natural-log units). */
export interface ReadingDelta {
  readonly total: number;
  /** Per-bar sums of per-token changes. */
  readonly perBar: Float64Array;
  /** Change for tokens outside any bar (the M:/K: header). */
  readonly header: number;
  /** Change in log p(</s>), the end of the tune. */
  readonly end: number;
}

/** Other minus base, summed per bar. The readings must be of the same tune (same number of positions). */
export function readingDelta(base: LogProbReading, other: LogProbReading, bars: TokenBars): ReadingDelta {
  const n = bars.bar.length;
  if (base.logProbs.length !== n + 1 || other.logProbs.length !== n + 1) {
    throw new Error(
      `readingDelta: readings have ${base.logProbs.length} and ${other.logProbs.length} positions; the tune has ${n} tokens + </s>`,
    );
  }
  const perBar = new Float64Array(bars.count);
  let header = 0;
  for (let i = 0; i < n; i++) {
    const d = other.logProbs[i] - base.logProbs[i];
    if (bars.bar[i] === NO_BAR) header += d;
    else perBar[bars.bar[i]] += d;
  }
  return { total: other.total - base.total, perBar, header, end: other.logProbs[n] - base.logProbs[n] };
}

export interface OcclusionWord {
  readonly index: number;
  readonly word: string;
  /** True when the vocabulary does not know the word (the model read it as <unk>); still occluded. */
  readonly unknown: boolean;
  /** What the perturbed prompt was: "without 'jig'", or "without 'jig' (empty prompt)" for a one-word prompt. */
  readonly description: string;
  /** Total log-probability without the word minus with it: negative = the tune is less likely without it. */
  readonly change: number;
  readonly delta: ReadingDelta;
}

export interface OcclusionResult {
  readonly label: string;
  readonly baseTotal: number;
  readonly words: readonly OcclusionWord[];
  /** Bars x words of per-bar changes, for the map views and CSV. Null when there is nothing to occlude. */
  readonly perBar: LabelledMatrix | null;
  /** Set when the result needs a remark: an empty prompt, or a one-word prompt compared with the empty one. */
  readonly note: string | null;
}

export interface OcclusionInput {
  readonly words: readonly string[];
  readonly unknownWords: readonly string[];
  readonly base: LogProbReading;
  /** One reading per word, in order: the tune under the prompt without that word. */
  readonly without: readonly LogProbReading[];
  readonly bars: TokenBars;
}

export const OCCLUSION_LABEL = 'change in log-probability of the tune when each word is left out (teacher-forced)';

/** Leave-one-out occlusion per word and per bar. An empty prompt has nothing to occlude: empty result with a note. */
export function occlusion(input: OcclusionInput): OcclusionResult {
  const { words, base, without, bars } = input;
  if (words.length === 0) {
    return {
      label: OCCLUSION_LABEL,
      baseTotal: base.total,
      words: [],
      perBar: null,
      note: 'the prompt has no words: nothing to leave out',
    };
  }
  if (without.length !== words.length)
    throw new Error(`occlusion: ${words.length} words but ${without.length} readings`);
  const unknown = new Set(input.unknownWords);
  const perturbations = leaveOneOut(words);
  const out = words.map((word, index): OcclusionWord => {
    const delta = readingDelta(base, without[index], bars);
    return {
      index,
      word,
      unknown: unknown.has(word),
      description: perturbations[index].description,
      change: delta.total,
      delta,
    };
  });
  const data = new Float32Array(bars.count * words.length);
  out.forEach((w, c) => w.delta.perBar.forEach((v, b) => (data[b * words.length + c] = v)));
  const perBar: LabelledMatrix = {
    rows: bars.count,
    cols: words.length,
    data,
    rowLabels: Array.from({ length: bars.count }, (_, b) => barLabel(b, bars)),
    colLabels: [...words],
    label: `${OCCLUSION_LABEL}, summed over each bar's tokens`,
    rowKind: 'bar',
    rowIndex: Int32Array.from({ length: bars.count }, (_, b) => b),
  };
  const note =
    words.length === 1
      ? `one word: leaving it out compares the tune under '${words[0]}' with the empty prompt (<none>)`
      : null;
  return { label: OCCLUSION_LABEL, baseTotal: base.total, words: out, perBar, note };
}

/** Occlusion's word importance: how much more likely the tune is with the word than without (-change). */
export const occlusionImportance = (r: OcclusionResult): Float64Array => Float64Array.from(r.words, (w) => -w.change);

export const occlusionInterpreter: Interpreter<OcclusionInput, Record<string, never>, OcclusionResult> = {
  id: 'occlusion',
  description:
    'Leave-one-out occlusion: the tune is read again (teacher-forced, the same tokens) under the prompt with one ' +
    'word removed, and the change in its total log-probability is reported per word and per bar. Negative means ' +
    'the model gives this tune a lower probability without the word. A one-word prompt is compared with the ' +
    'empty prompt (<none>). Removing a word also shifts the positions of the words after it.',
  settingsSpec: (): SettingsSpec<Record<string, never>> => ({}),
  label: () => OCCLUSION_LABEL,
  run: (input) => occlusion(input),
};
