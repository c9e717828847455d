/**
 * The exploration journal: a tree of generations, regenerations and readings with the user's notes. Pure
 * operations over plain data (no storage, no DOM), so the panel, IndexedDB, import/export and tests share them.
 */
import { referenceLabel, type Reference } from '../music/excerpt';
import type { GenerationSettings } from '../runtime/decode';
import type { Backend } from '../worker/protocol';
import type { ViewState } from './journalViews';

export const JOURNAL_FORMAT = 'apparatus-journal';
export const JOURNAL_VERSION = 1;

/**
 * generation: written from the prompt panel; continuation: continued from a bar; edit: ABC typed by hand;
 * regeneration: a perturbed prompt with the same seed and settings; sweep: one value of a guidance sweep;
 * reading: a teacher-forced likelihood reading of its parent's tune under perturbed prompts.
 */
export const NODE_KINDS = ['generation', 'continuation', 'edit', 'regeneration', 'sweep', 'reading'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A note is the user's own words; the app never writes one. */
export interface JournalNote {
  readonly id: string;
  readonly author: 'you';
  readonly createdAt: number;
  readonly text: string;
  /** The view settings on screen when the note was written, if it was written about a view. */
  readonly view: ViewState | null;
}

export interface ReadingRecord {
  readonly label: string;
  readonly baseTotal: number;
  readonly perturbations: readonly {
    readonly description: string;
    readonly words: readonly string[];
    /** Perturbed minus original total log-probability of the tune. */
    readonly change: number;
  }[];
}

export interface JournalNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: NodeKind;
  readonly createdAt: number;
  /** What changed from the parent, e.g. "without 'jig'", "guidance 1.5 -> 3"; null for a root. */
  readonly edge: string | null;
  /** The prompt text as sent to the model (replay sends it again), and its words as the model read them. */
  readonly prompt: string;
  readonly words: readonly string[];
  readonly unknownWords: readonly string[];
  readonly settings: GenerationSettings;
  /** Reference excerpts read beside the prompt (replay sends them again); absent in nodes from before them. */
  readonly references?: readonly Reference[];
  /** How many of `tokens` were given rather than generated (a continuation's prefix). */
  readonly prefixLength: number;
  readonly tokens: readonly string[];
  readonly stopped: 'end' | 'max-tokens' | 'cancelled';
  readonly modelSha256: string;
  /** The backend that wrote the tokens; absent in nodes recorded before it was kept (or when it was not known). */
  readonly backend?: Backend;
  /** The tune's id in history (or the id the tune gets when the node is reopened). */
  readonly tuneId: string;
  readonly reading: ReadingRecord | null;
  readonly views: ViewState;
  readonly notes: readonly JournalNote[];
}

export interface JournalFile {
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: typeof JOURNAL_VERSION;
  readonly exportedAt: string;
  readonly nodes: readonly JournalNode[];
}

export type Nodes = readonly JournalNode[];

export const newJournalId = (prefix: 'n' | 'note'): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 5).toString(36)}`;

export const findNode = (nodes: Nodes, id: string | null): JournalNode | undefined =>
  id === null ? undefined : nodes.find((n) => n.id === id);

export const childrenOf = (nodes: Nodes, id: string | null): JournalNode[] =>
  nodes.filter((n) => n.parentId === id).sort((a, b) => a.createdAt - b.createdAt);

/** Adds a node; its id must be new and its parent (if any) present. Errors come back as values. */
export function addNode(nodes: Nodes, node: JournalNode): { nodes: Nodes; error: string | null } {
  if (findNode(nodes, node.id)) return { nodes, error: `a node with id ${node.id} is already in the journal` };
  if (node.parentId !== null && !findNode(nodes, node.parentId))
    return { nodes, error: `the parent ${node.parentId} is not in the journal` };
  return { nodes: [...nodes, node], error: null };
}

export function updateNode(nodes: Nodes, id: string, patch: (n: JournalNode) => JournalNode): Nodes {
  return nodes.map((n) => (n.id === id ? patch(n) : n));
}

export const addNote = (nodes: Nodes, id: string, note: JournalNote): Nodes =>
  updateNode(nodes, id, (n) => ({ ...n, notes: [...n.notes, note] }));

export const editNote = (nodes: Nodes, id: string, noteId: string, text: string): Nodes =>
  updateNode(nodes, id, (n) => ({ ...n, notes: n.notes.map((x) => (x.id === noteId ? { ...x, text } : x)) }));

export const removeNote = (nodes: Nodes, id: string, noteId: string): Nodes =>
  updateNode(nodes, id, (n) => ({ ...n, notes: n.notes.filter((x) => x.id !== noteId) }));

/** The node and its ancestors, root first. Stops at a missing parent or a cycle. */
export function pathTo(nodes: Nodes, id: string): JournalNode[] {
  const path: JournalNode[] = [];
  const seen = new Set<string>();
  for (let n = findNode(nodes, id); n && !seen.has(n.id); n = findNode(nodes, n.parentId)) {
    seen.add(n.id);
    path.unshift(n);
  }
  return path;
}

/** Depth-first order with depths, roots and siblings oldest first: the order the tree is drawn in. */
export function treeOrder(nodes: Nodes): { node: JournalNode; depth: number }[] {
  const out: { node: JournalNode; depth: number }[] = [];
  const ids = new Set(nodes.map((n) => n.id));
  const visit = (n: JournalNode, depth: number) => {
    out.push({ node: n, depth });
    for (const c of childrenOf(nodes, n.id)) visit(c, depth + 1);
  };
  // A node whose parent is missing is drawn as a root, so nothing disappears.
  const roots = nodes
    .filter((n) => n.parentId === null || !ids.has(n.parentId))
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const r of roots) visit(r, 0);
  return out;
}

/**
 * Adds imported nodes to a journal: new ids are added, ids already present are replaced by the file's
 * version (notes included). The file was validated first, so it is self-contained.
 */
export function mergeJournal(nodes: Nodes, imported: Nodes): { nodes: Nodes; added: number; replaced: number } {
  const incoming = new Map(imported.map((n) => [n.id, n]));
  const kept = nodes.map((n) => incoming.get(n.id) ?? n);
  const fresh = imported.filter((n) => !findNode(nodes, n.id));
  return { nodes: [...kept, ...fresh], added: fresh.length, replaced: imported.length - fresh.length };
}

export function journalFile(nodes: Nodes, now = new Date()): JournalFile {
  return { format: JOURNAL_FORMAT, version: JOURNAL_VERSION, exportedAt: now.toISOString(), nodes };
}

type Generated = Pick<JournalNode, 'prompt' | 'words' | 'settings' | 'references'>;

const SETTING_NAMES: Readonly<Record<keyof GenerationSettings, string>> = {
  seed: 'seed',
  temperature: 'temperature',
  topK: 'top-k',
  topP: 'top-p',
  guidance: 'guidance',
  referenceWeight: 'reference pull',
  maxTokens: 'max tokens',
  meter: 'meter',
  key: 'key',
  mode: 'mode',
  fitBars: 'fit bars',
};

const show = (v: unknown): string => (v === null ? 'free' : String(v));
const quote = (w: string) => `'${w}'`;

/** How the words changed: one left out, one replaced, the same words reordered, or a new prompt. */
export function describeWords(a: readonly string[], b: readonly string[]): string | null {
  if (a.length === b.length && a.every((w, i) => w === b[i])) return null;
  if (b.length === a.length - 1) {
    const i = a.findIndex((w, k) => w !== b[k]);
    const at = i < 0 ? a.length - 1 : i;
    if (a.filter((_, k) => k !== at).every((w, k) => w === b[k]))
      return `without ${quote(a[at])}${b.length === 0 ? ' (empty prompt)' : ''}`;
  }
  if (a.length === b.length) {
    const diff = a.flatMap((w, i) => (w !== b[i] ? [i] : []));
    if (diff.length === 1) return `${quote(a[diff[0]])} -> ${quote(b[diff[0]])}`;
    if ([...a].sort().join(' ') === [...b].sort().join(' ')) return 'words reordered';
  }
  return `prompt '${a.join(' ')}' -> '${b.join(' ')}'`;
}

/** The edge label from a parent generation to a child: what changed in the words and the settings. */
export function describeChange(parent: Generated | null, child: Generated): string | null {
  if (!parent) return null;
  const parts: string[] = [];
  const words = describeWords(parent.words, child.words);
  if (words) parts.push(words);
  else if (parent.prompt.trim() !== child.prompt.trim()) parts.push('prompt text changed, same words');
  const refs = (g: Generated) => (g.references ?? []).map(referenceLabel).join('; ') || 'none';
  if (refs(parent) !== refs(child)) parts.push(`references ${refs(parent)} -> ${refs(child)}`);
  for (const key of Object.keys(SETTING_NAMES) as (keyof GenerationSettings)[]) {
    if (parent.settings[key] !== child.settings[key])
      parts.push(`${SETTING_NAMES[key]} ${show(parent.settings[key])} -> ${show(child.settings[key])}`);
  }
  return parts.length ? parts.join(', ') : 'same prompt and settings';
}
