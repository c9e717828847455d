/**
 * The evaluation's figures as a table: one row per figure, one column per decoding setting, the target,
 * and a mark on every figure that has one (✓ met, ✗ missed).
 */
import type { TypeRow } from './corpusContext';
import type { PairSummary } from './featurePairs';
import type { HeldOutFigures, UnknownWords } from './measures';
import type { ReferenceSummary } from './references';

export interface ColumnFigures {
  readonly heldOut: HeldOutFigures;
  readonly tokensPerSecond: number;
  readonly pitchClassDistance: number;
  readonly featurePairs: readonly PairSummary[];
  readonly references: ReferenceSummary;
}

/** Validation figures written by training/evaluate_lm.py into the model card (`perplexity.valid`). */
export interface Perplexity {
  readonly withPrompt: number;
  readonly withoutPrompt: number;
  /** Mean log-likelihood per token the prompt adds, in nats: loss without minus loss with. */
  readonly gapNats: number;
  readonly fiveGram: number | null;
}

/** The corpus beside the figures (cli/eval/corpusContext.ts). */
export interface CorpusContext {
  readonly notesInKey: { readonly tunes: number; readonly inKeyPct: number };
  /** Per type word in the prompts, from the fit-bars-off column. */
  readonly types: readonly TypeRow[];
}

export interface EvaluationFigures {
  readonly alone: ColumnFigures;
  readonly fitBars: ColumnFigures;
  readonly unknownWords: UnknownWords;
  readonly perplexity: Perplexity | null;
  readonly corpus: CorpusContext;
}

/** The shipped v1 model's gap: 4.739 with the prompt, 4.901 without (model card, valid split). */
export const V1_PERPLEXITY_GAP_NATS = Math.log(4.901 / 4.739);

export interface Target {
  readonly op: '≥' | '≤' | '>';
  readonly value: number;
}

export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  return target.op === '≥' ? value >= target.value : target.op === '≤' ? value <= target.value : value > target.value;
}

type Cell = string | number | null;
type Column = 'alone' | 'fitBars';

interface Row {
  readonly label: string;
  readonly target: string;
  /** Cell text for each column; `met` marks it (null: no mark). */
  readonly cells: Record<Column, { readonly value: Cell; readonly met: boolean | null }>;
}

/** Perplexity (valid split) from a model card's `perplexity.valid`, or null when the card has none. */
export function perplexityFromCard(card: Record<string, unknown>): Perplexity | null {
  const valid = (card.perplexity as { valid?: Record<string, number> } | undefined)?.valid;
  const withPrompt = valid?.model_perplexity;
  const withoutPrompt = valid?.model_perplexity_unconditional;
  if (typeof withPrompt !== 'number' || typeof withoutPrompt !== 'number') return null;
  const lossGap =
    typeof valid?.model_loss === 'number' && typeof valid?.model_loss_unconditional === 'number'
      ? valid.model_loss_unconditional - valid.model_loss
      : Math.log(withoutPrompt / withPrompt);
  return {
    withPrompt,
    withoutPrompt,
    gapNats: lossGap,
    fiveGram: typeof valid?.kneser_ney_5gram_perplexity === 'number' ? valid.kneser_ney_5gram_perplexity : null,
  };
}

export function reportRows(f: EvaluationFigures): Row[] {
  const rows: Row[] = [];
  /** A figure measured in each column, with an optional target; `aloneOnly` marks the fit-bars-off cell only. */
  const add = (label: string, get: (c: ColumnFigures) => number, target?: Target, aloneOnly = false) => {
    const cell = (col: Column) => {
      const value = get(f[col]);
      const marked = target && (!aloneOnly || col === 'alone');
      return { value: Number.isFinite(value) ? value : null, met: marked ? meets(value, target) : null };
    };
    rows.push({
      label,
      target: target ? `${target.op} ${target.value}` : '',
      cells: { alone: cell('alone'), fitBars: cell('fitBars') },
    });
  };
  /** A figure that does not depend on decoding: shown once, in the first column. */
  const once = (label: string, value: Cell, target: string, met: boolean | null) =>
    rows.push({ label, target, cells: { alone: { value, met }, fitBars: { value: 'same', met: null } } });

  add('meter as asked (stated or implied by the type), %', (c) => c.heldOut.meterPct, { op: '≥', value: 95 });
  add('· meter stated in the prompt, %', (c) => c.heldOut.statedMeterPct);
  add('key tonic as asked, %', (c) => c.heldOut.tonicPct, { op: '≥', value: 95 });
  add('mode as asked, %', (c) => c.heldOut.modePct, { op: '≥', value: 90 });
  add('key and mode as asked, %', (c) => c.heldOut.keyAndModePct, { op: '≥', value: 90 });
  add('tune-type word gives a fitting meter, %', (c) => c.heldOut.typeMeterPct, { op: '≥', value: 95 });
  add('· by session convention (no 2/4 reels or hornpipes), %', (c) => c.heldOut.typeMeterSessionPct);
  add('notes in the asked key, % of tunes', (c) => c.heldOut.notesInKeyPct, { op: '≥', value: 90 });
  once(
    `· the corpus's own valid and test tunes against their written key (${f.corpus.notesInKey.tunes} tunes), %`,
    f.corpus.notesInKey.inKeyPct,
    '',
    null,
  );
  add('· note duration in the scale ≥ 0.85, %', (c) => c.heldOut.scaleShareOkPct);
  add('· final note is the tonic, %', (c) => c.heldOut.finalIsTonicPct);
  add('· key finder agrees, %', (c) => c.heldOut.finderAgreesPct);
  add('· mean share of note duration in the scale', (c) => c.heldOut.scaleShareMean);
  add('correct bar lengths, % of tunes', (c) => c.heldOut.barLengthsPct, { op: '≥', value: 80 }, true);
  add('validity (strict parse and abcjs), %', (c) => c.heldOut.validityPct, { op: '≥', value: 100 });
  add('copy rate without references, %', (c) => c.heldOut.copyRatePct, { op: '≤', value: 3 });
  const u = f.unknownWords;
  once('unknown words in the held-out prompts, %', u.pct, '≤ 5', meets(u.pct, { op: '≤', value: 5 }));
  f.alone.featurePairs.forEach((p, i) =>
    add(`${p.label}: moved the named way, % of seeds`, (c) => c.featurePairs[i]?.rightWayPct ?? NaN, {
      op: '≥',
      value: 90,
    }),
  );
  const ppl = f.perplexity;
  once(
    'perplexity (valid) with / without the prompt; 5-gram',
    ppl
      ? `${ppl.withPrompt.toFixed(2)} / ${ppl.withoutPrompt.toFixed(2)} (gap ${ppl.gapNats.toFixed(3)} nats/token); ` +
          `${ppl.fiveGram?.toFixed(2) ?? '—'}`
      : null,
    `gap > ${V1_PERPLEXITY_GAP_NATS.toFixed(3)}, below 5-gram`,
    ppl ? ppl.gapNats > V1_PERPLEXITY_GAP_NATS && ppl.fiveGram !== null && ppl.withPrompt < ppl.fiveGram : null,
  );
  add('reference: shared-passage share above the unconditioned tune’s, %', (c) => c.references.shareAbovePct, {
    op: '≥',
    value: 80,
  });
  add('· mean shared-passage share with the reference', (c) => c.references.meanShareWith);
  add('· mean shared-passage share without it', (c) => c.references.meanShareWithout);
  add('reference: log-likelihood lift > 0, % of (tune, reference)', (c) => c.references.liftPositivePct, {
    op: '≥',
    value: 90,
  });
  add('· one reference, %', (c) => c.references.liftPositiveOnePct);
  add('· two references (each), %', (c) => c.references.liftPositiveTwoPct);
  add('· mean lift, nats per tune', (c) => c.references.meanLift);
  add('copy rate with references, %', (c) => c.references.copyRatePct);
  add('mean tokens per tune', (c) => c.heldOut.meanTokens);
  add('tokens per second (onnxruntime-node, guidance on)', (c) => c.tokensPerSecond);
  add('pitch-class distance to the training split (TV)', (c) => c.pitchClassDistance);
  return rows;
}

function cellText(c: { value: Cell; met: boolean | null }): string {
  const v = c.value === null ? '—' : String(c.value);
  return c.met === null ? v : `${v} ${c.met ? '✓' : '✗'}`;
}

/** The table, with a line saying how many targets were missed. */
export function markdownTable(f: EvaluationFigures): string {
  const rows = reportRows(f);
  const marks = rows.flatMap((r) => [r.cells.alone.met, r.cells.fitBars.met]).filter((m) => m !== null);
  const missed = marks.filter((m) => m === false).length;
  return [
    '| figure | model alone (fit-bars off) | fit-bars on | target |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.label} | ${cellText(r.cells.alone)} | ${cellText(r.cells.fitBars)} | ${r.target} |`),
    '',
    missed ? `✗ marks a missed target: ${missed} of ${marks.length} marked figures.` : `Every target met.`,
  ].join('\n');
}

export interface RunInfo {
  readonly prompts: number;
  readonly seeds: number;
  readonly pairBases: number;
  readonly pairSeeds: number;
  readonly referenceTunes: number;
  readonly quick: boolean;
  readonly minutes: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the README quotes: how it was run, and the table. */
export function readmeSection(f: EvaluationFigures, run: RunInfo): string {
  return [
    `Written by \`npm run eval:model${run.quick ? ' -- --quick' : ''}\` in ${run.minutes} min: ` +
      `${run.prompts} held-out prompts (\`cli/eval/heldOutPrompts.json\`) × ${plural(run.seeds, 'seed')} per column, ` +
      `${f.alone.featurePairs.length} feature-word pairs × ${plural(run.pairBases, 'prompt')} × ${plural(run.pairSeeds, 'seed')}, ` +
      `${run.referenceTunes} held-out tunes as references. Default sampling settings with nothing pinned: meter, ` +
      `key and mode are the model's own (fit-bars never touches the header). How each figure is measured: ` +
      '[docs/eval-model.md](docs/eval-model.md).',
    '',
    markdownTable(f),
  ].join('\n');
}

const HOW = `## How the figures are measured

- **Prompts.** Held-out prompts written as musicians write them ("waltz in b flat", "slip jig, E dorian",
  "Reel in F#m"), each annotated by hand with the meters it asks for (stated, or implied by its tune type),
  its tonic and mode (major when only a tonic is named) and its type word. A unit test keeps them out of the
  training captions. A figure counts only the prompts that ask for it.
- **Meter, key, mode** are read from the first two tokens (\`M:\`, \`K:\`); tonics compare by pitch class.
- **Tune-type meters**: jig 6/8, slip jig 9/8, slide 12/8, reel / hornpipe 4/4, 2/2 or 2/4, barndance 4/4 or
  2/2, strathspey 4/4, schottische 4/4 or 2/4, polka 2/4, march 2/4, 6/8, 4/4 or 2/2, waltz / mazurka / minuet
  3/4; air and lament take any meter (\`cli/eval/typeMeter.ts\`). The printed collections the model learnt from
  write many reels and hornpipes in 2/4 (see the table of types below), so 2/4 counts for them; the row "by
  session convention" counts only 4/4 and 2/2 for them, as sessions write them today.
- **Notes in the asked key**, read from the notes rather than the header: at least 85% of the note duration in
  the asked mode's scale (minor includes the raised seventh), and either the final note is the tonic or a
  Krumhansl-Schmuckler key finder agrees. The finder knows only major and minor: for a major or minor ask it
  agrees when its tonic is the asked tonic; for a modal ask (dorian, mixolydian) also when it finds the relative
  major or minor with the same scale (E dorian: D major or B minor) (\`cli/eval/noteKey.ts\`). The same test
  on the corpus's own valid and test tunes, against the key their headers state, is shown beside it: a tune
  that ends away from its tonic and that the major/minor finder misreads fails it even when a person wrote it.
- **Bar lengths**: every bar fits the meter (short bars only at section edges). The target is for the model
  alone; with fit-bars on the decoding grammar guarantees it.
- **Validity**: the tokens parse strictly and abcjs reads the ABC without warnings.
- **Copy rate**: at least half of a tune's bars (3+ notes, transposition-invariant) found in one catalogue tune.
- **Unknown words**: every word occurrence in the held-out prompts that the model's vocabulary lacks.
- **Feature words**: the same base prompt and seed with each word of a pair ("a sparse reel in D major" vs
  "a busy reel in D major"); the share of seeds where the feature moved the named way (a tie is a miss):
  notes per bar, mean pitch, range in semitones, share of steps of at most two semitones.
- **References**: bars 1-4 of held-out tunes (valid and test splits). Each is given with the prompt "a {type}
  in {key}" and compared with the same prompt and seed without it, at the default reference weight (2: the
  logits also move by the difference the references make, read from one more row without them). Shared-passage share: the share of the
  written tune's notes inside a passage of 5+ notes (transposition-invariant) that the reference's whole tune
  also has. Lift: log p(tune | prompt, refs) − log p(tune | prompt, refs without r), read from the tune written
  with the references, with one reference and with two from different tunes (each counted). Copy rate: as
  above, against the whole catalogue, for the tunes written with references.
- **Perplexity** comes from the model card (\`training/evaluate_lm.py\`), not from this command.`;

/** Per type word: how its prompts fared, and how many tunes of the type the model had to learn from. */
export function typeTable(rows: readonly TypeRow[]): string {
  return [
    '| type word | prompts | tunes written | meter fits the type, % | corpus tunes of the type | their meters |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.type} | ${r.prompts} | ${r.tunes} | ${Number.isFinite(r.fitsPct) ? r.fitsPct : '—'} | ` +
        `${r.corpusTunes} | ${r.corpusMeters || '—'} |`,
    ),
  ].join('\n');
}

/** docs/eval-model.md: the README section, how each figure is measured, the types, and the unknown words. */
export function evalDocument(f: EvaluationFigures, run: RunInfo): string {
  const words = f.unknownWords.words;
  return [
    '# Model evaluation',
    '',
    readmeSection(f, run),
    '',
    HOW,
    '',
    '## Tune types: the prompts (model alone) and the corpus',
    '',
    'Corpus tunes are catalogue tunes whose collection names the type (many name none); a type with few tunes',
    'gives the model little to learn its meter from.',
    '',
    typeTable(f.corpus.types),
    '',
    '## Unknown words in the held-out prompts',
    '',
    words.length ? words.map((w) => `\`${w.word}\` (${w.prompts})`).join(', ') : 'None.',
    '',
  ].join('\n');
}
