/**
 * Checks a journal file before anything of it is used, with zod. Every problem names its place and what was
 * expected ("nodes[3].settings.temperature must be a number from 0 to 2"). Views are checked against the
 * interpreters' own settings specs and filled with defaults where a field is missing.
 */
import { z } from '../schema/zod';
import { MAX_REF_TOKENS, MAX_REFERENCES } from '../music/excerpt';
import { MODES, type Mode } from '../music/key';
import { SETTING_RANGES, type GenerationSettings } from '../runtime/decode';
import {
  issueLines,
  kindOf,
  nullableText,
  oneOf,
  parseJsonText,
  rangedNumber,
  strings,
  text,
  flag,
} from '../schema/issues';
import { BACKENDS } from '../worker/protocol';
import { attentionInterpreter } from '../explain/attention';
import { checkSettings, type ModelDims, type Settings, type SettingsSpec } from '../explain/interpreter';
import { JOURNAL_FORMAT, JOURNAL_VERSION, NODE_KINDS, type JournalFile, type JournalNode } from './journal';
import { DEFAULT_VIEWS, PERTURB_MODES, REORDER_KINDS, sideSpec, SWEEP_LIMITS, VIEW_TABS } from './journalViews';

export type Validation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

/** Upper bounds that keep a hostile file from exhausting memory; generous for real journals. */
export const JOURNAL_LIMITS = { nodes: 5000, notes: 500, noteChars: 20_000, tokens: 512, words: 32 } as const;
/** Columns of an attention map: the words, then per reference its meter/key and at most one bar per 2 tokens. */
const MAP_COLUMNS = JOURNAL_LIMITS.words + MAX_REFERENCES * (1 + MAX_REF_TOKENS / 2);
/** Views name layers and heads; a file may come from another model, so only a wide bound is checked here. */
const VIEW_DIMS: ModelDims = { layers: 64, heads: 64 };
const TIME = rangedNumber(0, 8.64e15);
const WORD_POSITION = rangedNumber(0, JOURNAL_LIMITS.words - 1, true);

const object = () => (iss: { input?: unknown }) => `must be an object (found ${kindOf(iss.input)})`;
/** An array with its own words for the wrong kind and for too many entries. */
const list = <T extends z.ZodType>(item: T, max: number, noun = 'entries') =>
  z
    .array(item, { error: (iss) => `must be an array (found ${kindOf(iss.input)})` })
    .max(max, { error: (iss) => `must have at most ${max} ${noun} (found ${(iss.input as unknown[]).length})` });

/**
 * A view's settings read by the interpreter's own checkSettings (the views use it too), so the file and the
 * settings forms agree on what is allowed; its problems become findings at the field's path.
 */
function specSettings<S extends Settings>(spec: SettingsSpec<S>) {
  return z.record(z.string(), z.unknown(), { error: object() }).transform((given, ctx) => {
    const { settings, problems } = checkSettings(spec, given as Partial<Record<keyof S, unknown>>);
    // checkSettings words a problem as "<key> must be ..." or 'unknown setting "<key>"'.
    for (const p of problems) {
      const unknown = /^unknown setting "(.*)"$/.exec(p);
      const key = unknown ? unknown[1] : p.slice(0, p.indexOf(' '));
      const message = unknown ? 'is not a setting of this view' : p.slice(p.indexOf(' ') + 1);
      ctx.issues.push({ code: 'custom', message, path: [key], input: given[key] });
    }
    return settings;
  });
}

const r = SETTING_RANGES;
const settingsSchema = z.object(
  {
    seed: rangedNumber(r.seed.min, r.seed.max, true),
    temperature: rangedNumber(r.temperature.min, r.temperature.max),
    topK: rangedNumber(r.topK.min, r.topK.max, true),
    topP: rangedNumber(r.topP.min, r.topP.max),
    guidance: rangedNumber(r.guidance.min, r.guidance.max),
    // Journals written before references had a pull read as 1, the plain reading they were written with.
    referenceWeight: rangedNumber(r.referenceWeight.min, r.referenceWeight.max).default(1),
    maxTokens: rangedNumber(r.maxTokens.min, r.maxTokens.max, true),
    meter: nullableText(),
    key: nullableText(),
    mode: z
      .enum(MODES as readonly [Mode, ...Mode[]], { error: `must be one of ${MODES.join(', ')}, or null` })
      .nullable(),
    fitBars: flag(),
  },
  { error: object() },
) satisfies z.ZodType<GenerationSettings>;

const { count, guidance } = SWEEP_LIMITS;
const sweepValues = z
  .array(z.unknown(), { error: `must be a list of ${count.min} to ${count.max} guidance values` })
  .min(count.min, { error: `must be a list of ${count.min} to ${count.max} guidance values` })
  .max(count.max, { error: `must be a list of ${count.min} to ${count.max} guidance values` })
  .pipe(z.array(rangedNumber(guidance.min, guidance.max)));

const d = DEFAULT_VIEWS;
/** Views: every part optional (defaults fill in), but what is there must be valid. */
const viewsSchema = z.object(
  {
    tab: oneOf(VIEW_TABS).default(d.tab),
    attention: specSettings(attentionInterpreter.settingsSpec(VIEW_DIMS)).default(d.attention),
    word: rangedNumber(0, MAP_COLUMNS - 1, true)
      .nullish()
      .transform((w) => w ?? null),
    perturbation: z
      .object(
        {
          mode: oneOf(PERTURB_MODES).default(d.perturbation.mode),
          position: WORD_POSITION.default(0),
          replacement: text({ max: 100 }).default(''),
          reorder: oneOf(REORDER_KINDS).default(d.perturbation.reorder),
          swapWith: WORD_POSITION.default(1),
          read: flag().default(false),
          compare: strings(JOURNAL_LIMITS.words)
            .nullish()
            .transform((c) => c ?? null),
        },
        { error: object() },
      )
      .default({ ...d.perturbation, position: 0, replacement: '', swapWith: 1, read: false, compare: null }),
    sweep: z
      .object({ values: sweepValues.default([...d.sweep.values]), run: flag().default(false) }, { error: object() })
      .default({ values: [...d.sweep.values], run: false }),
    diffraction: z
      .object(
        {
          a: specSettings(sideSpec(VIEW_DIMS)).default(d.diffraction.a),
          b: specSettings(sideSpec(VIEW_DIMS)).default(d.diffraction.b),
          top: rangedNumber(1, JOURNAL_LIMITS.words, true).default(d.diffraction.top),
          minRankDistance: rangedNumber(1, JOURNAL_LIMITS.words, true).default(d.diffraction.minRankDistance),
        },
        { error: object() },
      )
      .default(d.diffraction),
  },
  { error: object() },
);

/** Reference excerpts; a file from before references has none. */
const referenceSchema = z
  .object(
    {
      source: z.object(
        {
          kind: oneOf(['catalogue', 'abc'] as const),
          id: text({ nonEmpty: true, max: 500 }),
          title: text({ max: 500 }),
        },
        { error: object() },
      ),
      first: rangedNumber(1, 10_000, true),
      last: rangedNumber(1, 10_000, true),
      tokens: strings(MAX_REF_TOKENS),
    },
    { error: object() },
  )
  .superRefine((ref, ctx) => {
    if (ref.last < ref.first)
      ctx.addIssue({ code: 'custom', path: ['last'], message: `must be an integer from ${ref.first} to 10000` });
  });

const noteSchema = z.object(
  {
    id: text({ nonEmpty: true, max: 200 }),
    author: z.literal('you', { error: 'must be "you" (notes are the user\'s own)' }),
    createdAt: TIME,
    text: text({ max: JOURNAL_LIMITS.noteChars }),
    view: viewsSchema.nullish().transform((v) => v ?? null),
  },
  { error: object() },
);

const readingSchema = z.object(
  {
    label: text({ max: 500 }),
    baseTotal: rangedNumber(-1e9, 0),
    perturbations: z.array(
      z.object(
        {
          description: text({ max: 500 }),
          words: strings(JOURNAL_LIMITS.words),
          change: rangedNumber(-1e9, 1e9),
        },
        { error: object() },
      ),
      { error: 'must be an array' },
    ),
  },
  { error: object() },
);

const nodeSchema = z
  .object(
    {
      id: text({ nonEmpty: true, max: 200 }),
      parentId: nullableText(),
      kind: oneOf(NODE_KINDS),
      createdAt: TIME,
      edge: nullableText(),
      prompt: text({ max: 20_000 }),
      words: strings(JOURNAL_LIMITS.words),
      unknownWords: strings(JOURNAL_LIMITS.words),
      settings: settingsSchema,
      references: list(referenceSchema, MAX_REFERENCES, 'references').default([]),
      prefixLength: rangedNumber(0, JOURNAL_LIMITS.tokens, true),
      tokens: strings(JOURNAL_LIMITS.tokens),
      stopped: oneOf(['end', 'max-tokens', 'cancelled'] as const),
      modelSha256: text({ max: 200 }),
      // Nodes recorded before the backend was kept have none: their tune's backend is unknown, not guessed.
      backend: oneOf(BACKENDS).optional(),
      tuneId: text({ nonEmpty: true, max: 200 }),
      reading: readingSchema.nullish().transform((v) => v ?? null),
      views: viewsSchema,
      notes: list(noteSchema, JOURNAL_LIMITS.notes, 'notes'),
    },
    { error: object() },
  )
  .superRefine((node, ctx) => {
    if (node.prefixLength > node.tokens.length)
      ctx.addIssue({
        code: 'custom',
        path: ['prefixLength'],
        message: `must be an integer from 0 to ${node.tokens.length}`,
      });
    if (node.kind === 'reading' && node.reading === null)
      ctx.addIssue({ code: 'custom', path: ['reading'], message: 'must be given for a reading node' });
  });

/** The header first: a file that is not a journal of this version gets one plain sentence, not a list. */
const headerSchema = z.object(
  {
    format: z.literal(JOURNAL_FORMAT, { error: `must be "${JOURNAL_FORMAT}" (is this an Apparatus journal?)` }),
    version: z.literal(JOURNAL_VERSION, {
      error: (iss) => `${JSON.stringify(iss.input)} is not supported; this app reads version ${JOURNAL_VERSION}`,
    }),
    exportedAt: z.string().catch(''),
    nodes: list(z.unknown(), JOURNAL_LIMITS.nodes),
  },
  { error: object() },
);

/** Validates a parsed journal file. On success the value has every view filled in. */
export function validateJournal(data: unknown): Validation<JournalFile> {
  const header = headerSchema.safeParse(data);
  if (!header.success) return { ok: false, errors: issueLines(header.error).slice(0, 1) };
  const nodes = z.array(nodeSchema).safeParse(header.data.nodes);
  if (!nodes.success) return { ok: false, errors: issueLines(new z.ZodError(nodes.error.issues.map(underNodes))) };
  const good = nodes.data as JournalNode[];
  const treeErrors = treeProblems(good);
  if (treeErrors.length) return { ok: false, errors: treeErrors };
  return {
    ok: true,
    value: { format: JOURNAL_FORMAT, version: JOURNAL_VERSION, exportedAt: header.data.exportedAt, nodes: good },
  };
}

const underNodes = (issue: z.core.$ZodIssue) => ({ ...issue, path: ['nodes', ...issue.path] });

/** Ids unique, parents inside the file, no cycles: relations between nodes, which no per-node schema sees. */
function treeProblems(nodes: readonly JournalNode[]): string[] {
  const problems: string[] = [];
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    const first = index.get(n.id);
    if (first !== undefined) problems.push(`nodes[${i}].id "${n.id}" is already used by nodes[${first}]`);
    else index.set(n.id, i);
  });
  nodes.forEach((n, i) => {
    if (n.parentId !== null && !index.has(n.parentId))
      problems.push(`nodes[${i}].parentId "${n.parentId}" names no node in the file`);
  });
  nodes.forEach((n, i) => {
    const seen = new Set<string>([n.id]);
    for (let p = n.parentId; p !== null && index.has(p); p = nodes[index.get(p)!].parentId) {
      if (seen.has(p)) {
        problems.push(`nodes[${i}] is its own ancestor (the parent links form a cycle)`);
        return;
      }
      seen.add(p);
    }
  });
  return problems.slice(0, 20);
}

/** Reads a journal file's text: JSON errors and schema errors both come back as messages. */
export function parseJournal(fileText: string): Validation<JournalFile> {
  const json = parseJsonText(fileText);
  return json.ok ? validateJournal(json.data) : { ok: false, errors: [json.error] };
}
