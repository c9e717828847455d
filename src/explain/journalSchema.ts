/**
 * Checks a journal file before anything of it is used. Hand-written so that every problem names its place
 * and what was expected ("nodes[3].settings.temperature must be a number from 0 to 2"). Views are checked
 * against the interpreters' own settings specs and filled with defaults where a field is missing.
 */
import { MAX_REF_TOKENS, MAX_REFERENCES, type Reference } from '../music/excerpt';
import { SETTING_RANGES, type GenerationSettings } from '../runtime/decode';
import { BACKENDS } from '../worker/protocol';
import { attentionInterpreter, type AttentionSettings } from './attention';
import { checkSettings, type ModelDims, type Settings, type SettingsSpec } from './interpreter';
import {
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  NODE_KINDS,
  type JournalFile,
  type JournalNode,
  type JournalNote,
  type ReadingRecord,
} from './journal';
import {
  DEFAULT_VIEWS,
  PERTURB_MODES,
  REORDER_KINDS,
  sideSpec,
  SWEEP_LIMITS,
  VIEW_TABS,
  type SideSettings,
  type ViewState,
} from './journalViews';

export type Validation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

/** Upper bounds that keep a hostile file from exhausting memory; generous for real journals. */
export const JOURNAL_LIMITS = { nodes: 5000, notes: 500, noteChars: 20_000, tokens: 512, words: 32 } as const;
/** Columns of an attention map: the words, then per reference its meter/key and at most one bar per 2 tokens. */
const MAP_COLUMNS = JOURNAL_LIMITS.words + MAX_REFERENCES * (1 + MAX_REF_TOKENS / 2);
/** Views name layers and heads; a file may come from another model, so only a wide bound is checked here. */
const VIEW_DIMS: ModelDims = { layers: 64, heads: 64 };
/** Stop after this many problems: a broken file usually repeats one mistake. */
const MAX_ERRORS = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Collects problems; each check returns the value when it is good, so callers can build the result. */
class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): undefined {
    if (this.errors.length < MAX_ERRORS) this.errors.push(`${path} ${message}`);
    return undefined;
  }

  obj(v: unknown, path: string): Obj | undefined {
    return isObj(v) ? v : this.fail(path, `must be an object (found ${kindOf(v)})`);
  }

  str(o: Obj, key: string, path: string, opts: { nonEmpty?: boolean; max?: number } = {}): string | undefined {
    const v = o[key];
    const at = `${path}.${key}`;
    if (v === undefined) return this.fail(at, 'is missing');
    if (typeof v !== 'string') return this.fail(at, `must be a string (found ${kindOf(v)})`);
    if (opts.nonEmpty && v.length === 0) return this.fail(at, 'must not be empty');
    if (opts.max !== undefined && v.length > opts.max) return this.fail(at, `must be at most ${opts.max} characters`);
    return v;
  }

  num(o: Obj, key: string, path: string, min: number, max: number, integer = false): number | undefined {
    const v = o[key];
    const at = `${path}.${key}`;
    const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
    if (ok) return v;
    return this.fail(
      at,
      `${v === undefined ? 'is missing; it ' : ''}must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
    );
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T | undefined {
    const v = o[key];
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    return this.fail(`${path}.${key}`, `must be one of ${values.join(', ')}`);
  }

  strings(o: Obj, key: string, path: string, max: number): string[] | undefined {
    const v = o[key];
    const at = `${path}.${key}`;
    if (!Array.isArray(v)) return this.fail(at, `must be an array of strings (found ${kindOf(v)})`);
    if (v.length > max) return this.fail(at, `must have at most ${max} entries (found ${v.length})`);
    const bad = v.findIndex((x) => typeof x !== 'string');
    if (bad >= 0) return this.fail(`${at}[${bad}]`, `must be a string (found ${kindOf(v[bad])})`);
    return v as string[];
  }

  nullableStr(o: Obj, key: string, path: string): string | null | undefined {
    const v = o[key];
    if (v === null || typeof v === 'string') return v;
    return this.fail(`${path}.${key}`, 'must be a string or null');
  }

  /** A settings object against an interpreter spec; missing fields take the spec's defaults. */
  spec<S extends Settings>(v: unknown, path: string, spec: SettingsSpec<S>): S | undefined {
    const o = this.obj(v, path);
    if (!o) return undefined;
    const { settings, problems } = checkSettings(spec, o as Partial<Record<keyof S, unknown>>);
    // checkSettings words a problem as "<key> must be ..." or 'unknown setting "<key>"'.
    for (const p of problems) {
      const unknown = /^unknown setting "(.*)"$/.exec(p);
      if (unknown) this.fail(`${path}.${unknown[1]}`, 'is not a setting of this view');
      else this.fail(`${path}.${p.slice(0, p.indexOf(' '))}`, p.slice(p.indexOf(' ') + 1));
    }
    return problems.length ? undefined : settings;
  }
}

function checkSettingsObj(c: Checker, v: unknown, path: string): GenerationSettings | undefined {
  const o = c.obj(v, path);
  if (!o) return undefined;
  const r = SETTING_RANGES;
  const s = {
    seed: c.num(o, 'seed', path, r.seed.min, r.seed.max, true),
    temperature: c.num(o, 'temperature', path, r.temperature.min, r.temperature.max),
    topK: c.num(o, 'topK', path, r.topK.min, r.topK.max, true),
    topP: c.num(o, 'topP', path, r.topP.min, r.topP.max),
    guidance: c.num(o, 'guidance', path, r.guidance.min, r.guidance.max),
    // Journals written before references had a pull read as 1, the plain reading they were written with.
    referenceWeight:
      o.referenceWeight === undefined
        ? 1
        : c.num(o, 'referenceWeight', path, r.referenceWeight.min, r.referenceWeight.max),
    maxTokens: c.num(o, 'maxTokens', path, r.maxTokens.min, r.maxTokens.max, true),
    meter: c.nullableStr(o, 'meter', path),
    key: c.nullableStr(o, 'key', path),
    mode: c.nullableStr(o, 'mode', path),
    fitBars: typeof o.fitBars === 'boolean' ? o.fitBars : c.fail(`${path}.fitBars`, 'must be true or false'),
  };
  return Object.values(s).some((x) => x === undefined) ? undefined : (s as unknown as GenerationSettings);
}

/** Views: every part optional (defaults fill in), but what is there must be valid. */
function checkViews(c: Checker, v: unknown, path: string): ViewState | undefined {
  const o = c.obj(v, path);
  if (!o) return undefined;
  const d = DEFAULT_VIEWS;
  const before = c.errors.length;
  const tab = o.tab === undefined ? d.tab : c.oneOf(o, 'tab', path, VIEW_TABS);
  const attention =
    o.attention === undefined
      ? d.attention
      : c.spec<AttentionSettings>(o.attention, `${path}.attention`, attentionInterpreter.settingsSpec(VIEW_DIMS));
  const word = o.word === undefined || o.word === null ? null : c.num(o, 'word', path, 0, MAP_COLUMNS - 1, true);
  const p = o.perturbation === undefined ? {} : c.obj(o.perturbation, `${path}.perturbation`);
  const pp = `${path}.perturbation`;
  const perturbation = p && {
    mode: p.mode === undefined ? d.perturbation.mode : c.oneOf(p, 'mode', pp, PERTURB_MODES),
    position: p.position === undefined ? 0 : c.num(p, 'position', pp, 0, JOURNAL_LIMITS.words - 1, true),
    replacement: p.replacement === undefined ? '' : c.str(p, 'replacement', pp, { max: 100 }),
    reorder: p.reorder === undefined ? d.perturbation.reorder : c.oneOf(p, 'reorder', pp, REORDER_KINDS),
    swapWith: p.swapWith === undefined ? 1 : c.num(p, 'swapWith', pp, 0, JOURNAL_LIMITS.words - 1, true),
    read:
      p.read === undefined
        ? false
        : typeof p.read === 'boolean'
          ? p.read
          : c.fail(`${pp}.read`, 'must be true or false'),
    compare: p.compare === undefined || p.compare === null ? null : c.strings(p, 'compare', pp, JOURNAL_LIMITS.words),
  };
  const s = o.sweep === undefined ? {} : c.obj(o.sweep, `${path}.sweep`);
  const sweep = s && {
    values: s.values === undefined ? d.sweep.values : checkSweep(c, s.values, `${path}.sweep.values`),
    run:
      s.run === undefined
        ? false
        : typeof s.run === 'boolean'
          ? s.run
          : c.fail(`${path}.sweep.run`, 'must be true or false'),
  };
  const f = o.diffraction === undefined ? {} : c.obj(o.diffraction, `${path}.diffraction`);
  const fp = `${path}.diffraction`;
  const diffraction = f && {
    a: f.a === undefined ? d.diffraction.a : c.spec<SideSettings>(f.a, `${fp}.a`, sideSpec(VIEW_DIMS)),
    b: f.b === undefined ? d.diffraction.b : c.spec<SideSettings>(f.b, `${fp}.b`, sideSpec(VIEW_DIMS)),
    top: f.top === undefined ? d.diffraction.top : c.num(f, 'top', fp, 1, JOURNAL_LIMITS.words, true),
    minRankDistance:
      f.minRankDistance === undefined
        ? d.diffraction.minRankDistance
        : c.num(f, 'minRankDistance', fp, 1, JOURNAL_LIMITS.words, true),
  };
  if (c.errors.length > before) return undefined;
  return { tab, attention, word, perturbation, sweep, diffraction } as ViewState;
}

function checkSweep(c: Checker, v: unknown, path: string): number[] | undefined {
  const { count, guidance } = SWEEP_LIMITS;
  if (!Array.isArray(v) || v.length < count.min || v.length > count.max)
    return c.fail(path, `must be a list of ${count.min} to ${count.max} guidance values`);
  const bad = v.findIndex((x) => typeof x !== 'number' || !(x >= guidance.min && x <= guidance.max));
  if (bad >= 0) return c.fail(`${path}[${bad}]`, `must be a number from ${guidance.min} to ${guidance.max}`);
  return v as number[];
}

/** Reference excerpts; a file from before references has none. */
function checkReferences(c: Checker, v: unknown, path: string): Reference[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return c.fail(path, `must be an array (found ${kindOf(v)})`);
  if (v.length > MAX_REFERENCES)
    return c.fail(path, `must have at most ${MAX_REFERENCES} references (found ${v.length})`);
  const before = c.errors.length;
  const refs = v.map((r, i) => {
    const at = `${path}[${i}]`;
    const o = c.obj(r, at);
    const s = o && c.obj(o.source, `${at}.source`);
    if (!o || !s) return undefined;
    const first = c.num(o, 'first', at, 1, 10_000, true);
    const last = c.num(o, 'last', at, first ?? 1, 10_000, true);
    return {
      source: {
        kind: c.oneOf(s, 'kind', `${at}.source`, ['catalogue', 'abc'] as const),
        id: c.str(s, 'id', `${at}.source`, { nonEmpty: true, max: 500 }),
        title: c.str(s, 'title', `${at}.source`, { max: 500 }),
      },
      first,
      last,
      tokens: c.strings(o, 'tokens', at, MAX_REF_TOKENS),
    };
  });
  return c.errors.length > before ? undefined : (refs as Reference[]);
}

function checkNote(c: Checker, v: unknown, path: string): JournalNote | undefined {
  const o = c.obj(v, path);
  if (!o) return undefined;
  const note = {
    id: c.str(o, 'id', path, { nonEmpty: true, max: 200 }),
    author:
      o.author === 'you' ? ('you' as const) : c.fail(`${path}.author`, 'must be "you" (notes are the user\'s own)'),
    createdAt: c.num(o, 'createdAt', path, 0, 8.64e15),
    text: c.str(o, 'text', path, { max: JOURNAL_LIMITS.noteChars }),
    view: o.view === undefined || o.view === null ? null : checkViews(c, o.view, `${path}.view`),
  };
  return Object.values(note).some((x) => x === undefined) ? undefined : (note as JournalNote);
}

function checkReading(c: Checker, v: unknown, path: string): ReadingRecord | null | undefined {
  if (v === null || v === undefined) return null;
  const o = c.obj(v, path);
  if (!o) return undefined;
  const label = c.str(o, 'label', path, { max: 500 });
  const baseTotal = c.num(o, 'baseTotal', path, -1e9, 0);
  if (!Array.isArray(o.perturbations)) return c.fail(`${path}.perturbations`, 'must be an array');
  const perturbations = o.perturbations.map((p, i) => {
    const at = `${path}.perturbations[${i}]`;
    const q = c.obj(p, at);
    return (
      q && {
        description: c.str(q, 'description', at, { max: 500 }),
        words: c.strings(q, 'words', at, JOURNAL_LIMITS.words),
        change: c.num(q, 'change', at, -1e9, 1e9),
      }
    );
  });
  if (
    label === undefined ||
    baseTotal === undefined ||
    perturbations.some((p) => !p || Object.values(p).includes(undefined))
  )
    return undefined;
  return { label, baseTotal, perturbations } as ReadingRecord;
}

function checkNode(c: Checker, v: unknown, path: string): JournalNode | undefined {
  const o = c.obj(v, path);
  if (!o) return undefined;
  const before = c.errors.length;
  const tokens = c.strings(o, 'tokens', path, JOURNAL_LIMITS.tokens);
  const node = {
    id: c.str(o, 'id', path, { nonEmpty: true, max: 200 }),
    parentId: c.nullableStr(o, 'parentId', path),
    kind: c.oneOf(o, 'kind', path, NODE_KINDS),
    createdAt: c.num(o, 'createdAt', path, 0, 8.64e15),
    edge: c.nullableStr(o, 'edge', path),
    prompt: c.str(o, 'prompt', path, { max: 20_000 }),
    words: c.strings(o, 'words', path, JOURNAL_LIMITS.words),
    unknownWords: c.strings(o, 'unknownWords', path, JOURNAL_LIMITS.words),
    settings: checkSettingsObj(c, o.settings, `${path}.settings`),
    references: checkReferences(c, o.references, `${path}.references`),
    prefixLength: c.num(o, 'prefixLength', path, 0, tokens?.length ?? JOURNAL_LIMITS.tokens, true),
    tokens,
    stopped: c.oneOf(o, 'stopped', path, ['end', 'max-tokens', 'cancelled'] as const),
    modelSha256: c.str(o, 'modelSha256', path, { max: 200 }),
    // Nodes recorded before the backend was kept have none: their tune's backend is unknown, not guessed.
    ...(o.backend === undefined ? {} : { backend: c.oneOf(o, 'backend', path, BACKENDS) }),
    tuneId: c.str(o, 'tuneId', path, { nonEmpty: true, max: 200 }),
    reading: checkReading(c, o.reading, `${path}.reading`),
    views: checkViews(c, o.views, `${path}.views`),
    notes: Array.isArray(o.notes)
      ? o.notes.length > JOURNAL_LIMITS.notes
        ? c.fail(`${path}.notes`, `must have at most ${JOURNAL_LIMITS.notes} notes`)
        : o.notes.map((n, i) => checkNote(c, n, `${path}.notes[${i}]`))
      : c.fail(`${path}.notes`, `must be an array (found ${kindOf(o.notes)})`),
  };
  if (node.kind === 'reading' && o.reading === null) c.fail(`${path}.reading`, 'must be given for a reading node');
  return c.errors.length > before ? undefined : (node as JournalNode);
}

/** Validates a parsed journal file. On success the value has every view filled in. */
export function validateJournal(data: unknown): Validation<JournalFile> {
  const c = new Checker();
  const root = c.obj(data, 'the file');
  if (!root) return { ok: false, errors: c.errors };
  if (root.format !== JOURNAL_FORMAT)
    return { ok: false, errors: [`format must be "${JOURNAL_FORMAT}" (is this an Apparatus journal?)`] };
  if (root.version !== JOURNAL_VERSION)
    return {
      ok: false,
      errors: [`version ${JSON.stringify(root.version)} is not supported; this app reads version ${JOURNAL_VERSION}`],
    };
  const exportedAt = typeof root.exportedAt === 'string' ? root.exportedAt : '';
  if (!Array.isArray(root.nodes))
    return { ok: false, errors: [`nodes must be an array (found ${kindOf(root.nodes)})`] };
  if (root.nodes.length > JOURNAL_LIMITS.nodes)
    return {
      ok: false,
      errors: [`nodes must have at most ${JOURNAL_LIMITS.nodes} entries (found ${root.nodes.length})`],
    };
  const nodes = root.nodes.map((n, i) => checkNode(c, n, `nodes[${i}]`));
  if (c.errors.length) return { ok: false, errors: c.errors };
  const good = nodes as JournalNode[];
  checkTree(c, good);
  if (c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, value: { format: JOURNAL_FORMAT, version: JOURNAL_VERSION, exportedAt, nodes: good } };
}

/** Ids unique, parents inside the file, no cycles. */
function checkTree(c: Checker, nodes: readonly JournalNode[]): void {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    const first = index.get(n.id);
    if (first !== undefined) c.fail(`nodes[${i}].id`, `"${n.id}" is already used by nodes[${first}]`);
    else index.set(n.id, i);
  });
  nodes.forEach((n, i) => {
    if (n.parentId !== null && !index.has(n.parentId))
      c.fail(`nodes[${i}].parentId`, `"${n.parentId}" names no node in the file`);
  });
  nodes.forEach((n, i) => {
    const seen = new Set<string>([n.id]);
    for (let p = n.parentId; p !== null && index.has(p); p = nodes[index.get(p)!].parentId) {
      if (seen.has(p)) {
        c.fail(`nodes[${i}]`, 'is its own ancestor (the parent links form a cycle)');
        return;
      }
      seen.add(p);
    }
  });
}

/** Reads a journal file's text: JSON errors and schema errors both come back as messages. */
export function parseJournal(text: string): Validation<JournalFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  return validateJournal(data);
}
