/**
 * npm run explain -- --prompt "<text>" [--seed N] [generation options as in `npm run generate`] [--json]
 * Generates a tune, then reads it through two methods: cross-attention (mean over layers and heads, one row
 * per bar, one column per word) and leave-one-out occlusion (teacher-forced change in the tune's total
 * log-probability per word), and how far their word rankings agree. With --json prints one JSON object.
 */
import { generate } from '../src/runtime/decode';
import { attentionMatrix, DEFAULT_ATTENTION_SETTINGS, type LabelledMatrix } from '../src/explain/attention';
import { DEFAULT_MIN_RANK_DISTANCE, diffraction, type DiffractionSettings } from '../src/explain/diffraction';
import { occlusion } from '../src/explain/occlusion';
import { occlusionReadings } from '../src/explain/occlusionReadings';
import { tokenBars } from '../src/explain/tokenBars';
import { parseOptions, runCli, UsageError } from './args';
import { GENERATION_OPTIONS, settingsFrom } from './generate';
import { DEFAULT_MODEL_DIR, loadNodeModel } from './nodeModel';
import { prefixTokens } from './prefix';

/** Six significant digits: enough to compare runs, short enough to read. */
const round = (x: number): number => Number(x.toPrecision(6));

const matrixJson = (m: LabelledMatrix) => ({
  label: m.label,
  rows: m.rowLabels,
  cols: m.colLabels,
  values: Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols), round)),
});

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), GENERATION_OPTIONS);
  if (o.prompt === undefined) throw new UsageError('--prompt is required (use --prompt "" for an unconditional tune)');
  const settings = settingsFrom(o);
  const model = await loadNodeModel((o['model-dir'] as string | undefined) ?? DEFAULT_MODEL_DIR);
  const { runner, vocab, card } = model;
  const prompt = vocab.encodePrompt(o.prompt as string);
  const prefix = o.prefix ? prefixTokens(o.prefix as string, vocab, settings) : [];
  const warn = (msg: string) => process.stderr.write(`note: ${msg}\n`);
  if (prompt.empty) warn('the prompt has no words: generating unconditionally, nothing to leave out');
  if (prompt.unknownWords.length)
    warn(`words not in the vocabulary (read as <unk>): ${prompt.unknownWords.join(', ')}`);
  if (prompt.truncated)
    warn(`the prompt was cut to its first ${prompt.words.length} words (${prompt.truncated} dropped)`);
  if (prompt.words.length === 1) warn('one word: leaving it out compares the tune with the empty prompt');
  let result;
  try {
    result = await generate(runner, vocab, prompt, prefix, settings);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }

  const { tokens } = result;
  const bars = tokenBars(tokens);
  const readings = await occlusionReadings(runner, vocab, prompt.words, tokens);
  const attentionInput = {
    attention: readings.base.crossAttention,
    layers: card.config.dec_layers,
    heads: card.config.n_heads,
    words: prompt.words,
    tokens,
    bars,
  };
  const attention = attentionMatrix(attentionInput, { ...DEFAULT_ATTENTION_SETTINGS, rows: 'bar', normalise: 'none' });
  const occ = occlusion({
    words: prompt.words,
    unknownWords: prompt.unknownWords,
    base: readings.base,
    without: readings.without,
    bars,
  });
  const diffSettings: DiffractionSettings = {
    ...DEFAULT_ATTENTION_SETTINGS,
    occlusionSign: 'signed',
    top: 5,
    minRankDistance: DEFAULT_MIN_RANK_DISTANCE,
  };
  const diff = diffraction({ attention: attentionInput, occlusion: occ }, diffSettings);

  const out = {
    abc: result.abc,
    tokens,
    words: prompt.words,
    unknownWords: prompt.unknownWords,
    truncatedWords: prompt.truncated,
    unconditional: prompt.empty,
    attention: matrixJson(attention),
    occlusion: {
      label: occ.label,
      baseLogProb: round(occ.baseTotal),
      note: occ.note,
      words: occ.words.map((w) => ({
        word: w.word,
        unknown: w.unknown,
        description: w.description,
        change: round(w.change),
        perBar: Array.from(w.delta.perBar, round),
        header: round(w.delta.header),
        end: round(w.delta.end),
      })),
    },
    agreement: diff.spearman === null ? null : round(diff.spearman),
    agreementReason: diff.reason,
    diffraction: {
      attentionLabel: diff.attentionLabel,
      occlusionLabel: diff.occlusionLabel,
      attention: Array.from(diff.attention, round),
      occlusion: Array.from(diff.occlusion, round),
      spearman: diff.spearman === null ? null : round(diff.spearman),
      kendall: diff.kendall === null ? null : round(diff.kendall),
      disagreements: diff.disagreements,
    },
    seed: settings.seed,
    settings,
    stopped: result.stopped,
    modelSha256: model.modelSha256,
  };
  if (o.json) {
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const lines = [result.abc.trimEnd(), '', `${occ.label}:`];
  if (occ.note) lines.push(`  (${occ.note})`);
  for (const w of out.occlusion.words)
    lines.push(`  ${w.word.padEnd(14)} ${w.change >= 0 ? '+' : ''}${w.change}${w.unknown ? '  (unknown word)' : ''}`);
  lines.push(`Spearman rho, attention vs occlusion word ranks: ${out.agreement ?? `n/a (${out.agreementReason})`}`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1]?.endsWith('explain.ts')) void runCli(main);
