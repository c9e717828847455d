/**
 * Cross-attention maps: music tokens (or bars) x prompt words, for one layer and head or aggregated, and x the
 * bars of any reference excerpts the model read beside the prompt.
 * Arrays index layers, heads and bars from 0; settings and labels count them from 1, as a person would.
 */
import { barSpans } from '../music/excerpt';
import type { Interpreter, ModelDims, SettingsSpec } from './interpreter';
import { barLabel, NO_BAR, type TokenBars } from './tokenBars';

/** A labelled, row-major matrix: the one result type of the map views, the CSV export and the CLI. */
export interface LabelledMatrix {
  readonly rows: number;
  readonly cols: number;
  /** rows * cols values, row-major. */
  readonly data: Float32Array;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  /** What the values measure, e.g. "mean cross-attention, layer 3, all heads; mean over each bar's tokens". */
  readonly label: string;
  /** What a row stands for and its index there (token index or bar index), for linking to the score. */
  readonly rowKind: 'token' | 'bar';
  readonly rowIndex: Int32Array;
  /** Runs of columns that belong together (the words; each reference), in order; absent when all are words. */
  readonly colGroups?: readonly ColumnGroup[];
}

export interface ColumnGroup {
  readonly label: string;
  readonly start: number;
  readonly count: number;
}

/** A reference excerpt among the memory columns, as the map groups it: one column per bar. */
export interface AttentionReference {
  /** Its first memory column; it fills one column per token from there (meter, key, then the bars). */
  readonly start: number;
  readonly tokens: readonly string[];
  /** The bar of its tune the excerpt starts at, so its columns are labelled with the tune's bar numbers. */
  readonly firstBar: number;
  /** The source tune's title, e.g. "The Kesh", for the group label ("ref 1 · The Kesh"). */
  readonly name?: string;
}

export type HeadAggregation = 'mean' | 'max' | 'one';
export type LayerAggregation = 'mean' | 'max' | 'one' | 'rollout';
export type Normalisation = 'none' | 'row' | 'column' | 'minmax';

export type AttentionSettings = {
  readonly layers: LayerAggregation;
  /** 1-based; used when layers = 'one'. */
  readonly layer: number;
  readonly heads: HeadAggregation;
  /** 1-based; used when heads = 'one'. */
  readonly head: number;
  /** Share of each layer's reading carried over from the layers below, for rollout (0.5 as in Abnar & Zuidema). */
  readonly residual: number;
  readonly rows: 'token' | 'bar';
  readonly normalise: Normalisation;
};

/**
 * Per-token cross-attention as the runtime gives it: (L, H, M) per token; the first columns are the words
 * (M >= number of words), the references' columns (if any) as `references` places them.
 */
export interface AttentionInput {
  readonly attention: readonly Float32Array[];
  readonly layers: number;
  readonly heads: number;
  /** Prompt words, one column each. Empty for an unconditional tune: the one column is then the <none> token. */
  readonly words: readonly string[];
  /** The tune's tokens; rows of `attention` past the last token (a </s> row) are ignored. */
  readonly tokens: readonly string[];
  /** Needed when rows = 'bar'. */
  readonly bars?: TokenBars;
  /** References to show as extra columns, one per bar (and one for the meter and key) of each. */
  readonly references?: readonly AttentionReference[];
}

/** "ref 1 · The Kesh", or "ref 1" without a name: the label of a reference's column group. */
export const referenceGroupLabel = (ref: number, name?: string): string => `ref ${ref + 1}${name ? ` · ${name}` : ''}`;

/** The label of the word columns' group. */
export const PROMPT_GROUP = 'prompt';

/** "ref 1 · bar 3" */
export const referenceColumnLabel = (ref: number, bar: number | null): string =>
  `ref ${ref + 1} · ${bar === null ? 'meter/key' : `bar ${bar}`}`;

/**
 * The columns of each reference: its meter and key, then each of its bars, as ranges of memory columns that
 * together cover the reference. A column's value is the attention summed over its tokens: the share of the
 * read-out that went to that bar.
 */
export function referenceColumns(refs: readonly AttentionReference[]): { label: string; from: number; to: number }[][] {
  return refs.map((r, k) => {
    const spans = barSpans(r.tokens);
    const head = {
      label: referenceColumnLabel(k, null),
      from: r.start,
      to: r.start + (spans[0]?.start ?? r.tokens.length),
    };
    return [
      head,
      // A `|:` between two bars is no bar; it goes with the bar it opens, so the columns add up to the whole.
      ...spans.map((s, b) => ({
        label: referenceColumnLabel(k, r.firstBar + b),
        from: r.start + (b === 0 ? s.start : spans[b - 1].end),
        to: r.start + (b === spans.length - 1 ? r.tokens.length : s.end),
      })),
    ];
  });
}

/** Column labels for a prompt: its words, or the single <none> column of an empty prompt. */
export const wordColumns = (words: readonly string[]): string[] => (words.length ? [...words] : ['<none>']);

/** Reduces one token's (L, H, T) attention over heads: (L, T). `head` is 0-based. */
export function aggregateHeads(att: Float32Array, L: number, H: number, how: HeadAggregation, head = 0): Float32Array {
  const T = att.length / (L * H);
  const out = new Float32Array(L * T);
  for (let l = 0; l < L; l++) {
    for (let t = 0; t < T; t++) {
      let acc = how === 'max' ? -Infinity : 0;
      if (how === 'one') acc = att[(l * H + head) * T + t];
      else {
        for (let h = 0; h < H; h++) {
          const v = att[(l * H + h) * T + t];
          acc = how === 'max' ? Math.max(acc, v) : acc + v / H;
        }
      }
      out[l * T + t] = acc;
    }
  }
  return out;
}

/**
 * Reduces (L, T) over layers to (T). `layer` is 0-based. Rollout is the residual-weighted mix described in
 * `rolloutWeights`.
 */
export function aggregateLayers(
  byLayer: Float32Array,
  L: number,
  how: LayerAggregation,
  layer = 0,
  residual = 0.5,
): Float32Array {
  const T = byLayer.length / L;
  if (how === 'one') return byLayer.slice(layer * T, (layer + 1) * T);
  const weights = how === 'rollout' ? rolloutWeights(L, residual) : new Float64Array(L).fill(1 / L);
  const out = new Float32Array(T);
  for (let t = 0; t < T; t++) {
    let acc = how === 'max' ? -Infinity : 0;
    for (let l = 0; l < L; l++) {
      const v = byLayer[l * T + t];
      acc = how === 'max' ? Math.max(acc, v) : acc + weights[l] * v;
    }
    out[t] = acc;
  }
  return out;
}

/**
 * Layer weights of cross-attention rollout. Abnar & Zuidema roll attention out as the product of
 * (1 - r) A_l + r I over layers, which needs square token-to-token matrices. Cross-attention is not square
 * (music positions read text positions), the text side is the same encoder output at every layer, and the
 * decoder's self-attention, which would mix positions, is not exported. What is left is the residual path
 * at one music position: after layer l the position carries r of what it held before and 1 - r of what
 * layer l read, R_l = r R_{l-1} + (1 - r) A_l with R_0 = 0 (the music embedding holds no words). Unrolled,
 * R_L = sum_l (1 - r) r^(L-l) A_l; dividing by the total weight 1 - r^L gives weights that sum to 1.
 * So "rollout" here is a weighted mean over layers that favours later layers; it does not follow
 * information across music positions.
 */
export function rolloutWeights(L: number, residual: number): Float64Array {
  const w = Float64Array.from({ length: L }, (_, l) => (1 - residual) * residual ** (L - 1 - l));
  const total = w.reduce((a, x) => a + x, 0);
  return total > 0 ? w.map((x) => x / total) : w.fill(1 / L);
}

/** Row-major normalisation of a rows x cols array (a copy). Rows or columns that sum to 0 stay 0. */
export function normalise(data: Float32Array, rows: number, cols: number, how: Normalisation): Float32Array {
  const out = data.slice();
  if (how === 'row' || how === 'column') {
    const [outer, inner] = how === 'row' ? [rows, cols] : [cols, rows];
    const at = (o: number, i: number) => (how === 'row' ? o * cols + i : i * cols + o);
    for (let o = 0; o < outer; o++) {
      let sum = 0;
      for (let i = 0; i < inner; i++) sum += out[at(o, i)];
      for (let i = 0; i < inner; i++) out[at(o, i)] = sum > 0 ? out[at(o, i)] / sum : 0;
    }
  } else if (how === 'minmax') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of out) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    const span = hi - lo;
    for (let i = 0; i < out.length; i++) out[i] = span > 0 ? (out[i] - lo) / span : 0;
  }
  return out;
}

/** Mean of token rows over each bar: one row per bar; tokens outside bars (header, </s>) are left out. */
export function groupRowsByBar(data: Float32Array, cols: number, bars: TokenBars): Float32Array {
  const out = new Float32Array(bars.count * cols);
  const n = new Float64Array(bars.count);
  bars.bar.forEach((b, i) => {
    if (b === NO_BAR || (i + 1) * cols > data.length) return;
    n[b]++;
    for (let c = 0; c < cols; c++) out[b * cols + c] += data[i * cols + c];
  });
  for (let b = 0; b < bars.count; b++) for (let c = 0; c < cols; c++) if (n[b]) out[b * cols + c] /= n[b];
  return out;
}

/**
 * The measurement's name: "mean cross-attention, layer 3, all heads", "cross-attention, head 2, layer 4",
 * "cross-attention, max over heads, mean over layers", then the row grouping and scaling.
 */
export function attentionLabel(s: AttentionSettings): string {
  const headStat = s.heads === 'one' ? null : s.heads;
  const layerStat = s.layers === 'one' || s.layers === 'rollout' ? null : s.layers;
  const shared =
    headStat !== null && (layerStat === null || layerStat === headStat)
      ? headStat
      : layerStat !== null && headStat === null
        ? layerStat
        : null;
  const heads = s.heads === 'one' ? `head ${s.head}` : shared ? 'all heads' : `${s.heads} over heads`;
  const layers =
    s.layers === 'one'
      ? `layer ${s.layer}`
      : s.layers === 'rollout'
        ? `rolled out over layers (residual share ${s.residual})`
        : shared
          ? 'all layers'
          : `${s.layers} over layers`;
  const rows = s.rows === 'bar' ? "; mean over each bar's tokens" : '';
  const scale = {
    none: '',
    row: '; each row scaled to sum 1',
    column: '; each word column scaled to sum 1',
    minmax: '; scaled to 0-1 over the map',
  }[s.normalise];
  return `${shared ? `${shared} ` : ''}cross-attention, ${layers}, ${heads}${rows}${scale}`;
}

export const REFERENCE_COLUMNS_NOTE = "; reference columns sum each reference bar's tokens";

/**
 * The map for given settings: token or bar rows; word columns (padding columns past the prompt dropped), then
 * any references' columns grouped by bar.
 */
export function attentionMatrix(input: AttentionInput, s: AttentionSettings): LabelledMatrix {
  const { layers: L, heads: H } = input;
  const words = wordColumns(input.words);
  const refs = referenceColumns(input.references ?? []);
  const colLabels = [...words, ...refs.flat().map((c) => c.label)];
  const cols = colLabels.length;
  const n = Math.min(input.tokens.length, input.attention.length);
  const tokenData = new Float32Array(n * cols);
  for (let i = 0; i < n; i++) {
    const byLayer = aggregateHeads(input.attention[i], L, H, s.heads, s.head - 1);
    const row = aggregateLayers(byLayer, L, s.layers, s.layer - 1, s.residual);
    tokenData.set(row.subarray(0, words.length), i * cols);
    let c = words.length;
    for (const col of refs.flat()) {
      let sum = 0;
      for (let m = col.from; m < col.to; m++) sum += row[m];
      tokenData[i * cols + c++] = sum;
    }
  }
  let data: Float32Array = tokenData;
  let rowLabels: string[];
  let rowIndex: Int32Array;
  if (s.rows === 'bar') {
    const bars = input.bars;
    if (!bars) throw new Error("attentionMatrix: rows by bar need the tune's bars");
    data = groupRowsByBar(tokenData, cols, bars);
    rowLabels = Array.from({ length: bars.count }, (_, b) => barLabel(b, bars));
    rowIndex = Int32Array.from({ length: bars.count }, (_, b) => b);
  } else {
    rowLabels = input.tokens.slice(0, n).map((t, i) => `${i + 1}: ${t}`);
    rowIndex = Int32Array.from({ length: n }, (_, i) => i);
  }
  const rows = rowLabels.length;
  let start = words.length;
  const colGroups = refs.length
    ? [
        { label: PROMPT_GROUP, start: 0, count: words.length },
        ...refs.map((group, k) => {
          const g = { label: referenceGroupLabel(k, input.references![k].name), start, count: group.length };
          start += group.length;
          return g;
        }),
      ]
    : undefined;
  return {
    rows,
    cols,
    data: normalise(data, rows, cols, s.normalise),
    rowLabels,
    colLabels,
    label: attentionLabel(s) + (refs.length ? REFERENCE_COLUMNS_NOTE : ''),
    rowKind: s.rows,
    rowIndex,
    ...(colGroups ? { colGroups } : {}),
  };
}

/** Mean over rows of each column: one number per word (used as attention's word importance). */
export function columnMeans(m: LabelledMatrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) out[c] += m.data[r * m.cols + c] / m.rows;
  return out;
}

/** A matrix as CSV: the label in the corner cell, word columns across, one line per row. */
export function matrixToCsv(m: LabelledMatrix): string {
  const lines = [[m.label, ...m.colLabels].map(csvCell).join(',')];
  for (let r = 0; r < m.rows; r++) {
    const values = Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols), (v) =>
      Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '',
    );
    lines.push([csvCell(m.rowLabels[r]), ...values].join(','));
  }
  return lines.join('\n') + '\n';
}

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const DEFAULT_ATTENTION_SETTINGS: AttentionSettings = {
  layers: 'mean',
  layer: 1,
  heads: 'mean',
  head: 1,
  residual: 0.5,
  rows: 'bar',
  normalise: 'none',
};

export const attentionInterpreter: Interpreter<AttentionInput, AttentionSettings, LabelledMatrix> = {
  id: 'cross-attention',
  description:
    'Cross-attention weights of the decoder at the position that predicts each music token, over the prompt words ' +
    'and the reference excerpts. ' +
    'Heads and layers can be read one at a time or combined by mean or max. "Rollout" is a weighted mean over ' +
    'layers: each layer keeps a share r of what the position carried from the layers below and adds 1 - r of ' +
    "what it reads now (Abnar & Zuidema's residual rule, restricted to one position because cross-attention is " +
    'not square and the decoder self-attention is not exported). Attention weights show where the read-out ' +
    'looked, not why a note was chosen. Attention is not the only route from the words to the notes: the decoder ' +
    'also adds the mean of the whole encoding (words and references) to every position, a route no map shows; ' +
    'the leave-one-out reading measures both routes together.',
  settingsSpec: (dims: ModelDims): SettingsSpec<AttentionSettings> => ({
    layers: {
      kind: 'choice',
      label: 'Layers',
      choices: [
        { value: 'mean', label: 'mean over layers' },
        { value: 'max', label: 'max over layers' },
        { value: 'rollout', label: 'rollout (residual-weighted)' },
        { value: 'one', label: 'one layer' },
      ],
      default: 'mean',
    },
    layer: {
      kind: 'integer',
      label: 'Layer',
      min: 1,
      max: dims.layers,
      default: 1,
      when: { key: 'layers', is: ['one'] },
    },
    heads: {
      kind: 'choice',
      label: 'Heads',
      choices: [
        { value: 'mean', label: 'mean over heads' },
        { value: 'max', label: 'max over heads' },
        { value: 'one', label: 'one head' },
      ],
      default: 'mean',
    },
    head: { kind: 'integer', label: 'Head', min: 1, max: dims.heads, default: 1, when: { key: 'heads', is: ['one'] } },
    residual: {
      kind: 'number',
      label: 'Residual share',
      help: 'Share of each layer kept from the layers below; 0 reads the last layer only.',
      min: 0,
      max: 0.95,
      step: 0.05,
      default: 0.5,
      when: { key: 'layers', is: ['rollout'] },
    },
    rows: {
      kind: 'choice',
      label: 'Rows',
      choices: [
        { value: 'bar', label: 'one per bar (mean of its tokens)' },
        { value: 'token', label: 'one per token' },
      ],
      default: 'bar',
    },
    normalise: {
      kind: 'choice',
      label: 'Scale',
      choices: [
        { value: 'none', label: 'as measured' },
        { value: 'row', label: 'each row sums to 1' },
        { value: 'column', label: 'each word column sums to 1' },
        { value: 'minmax', label: 'min-max over the whole map' },
      ],
      default: 'none',
    },
  }),
  label: attentionLabel,
  run: attentionMatrix,
};
