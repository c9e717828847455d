import {
  addNode,
  addNote,
  describeChange,
  editNote,
  findNode,
  journalFile,
  mergeJournal,
  newJournalId,
  removeNote,
  updateNode,
  type JournalNode,
  type ReadingRecord,
} from '../../journal/journal';
import { parseJournal } from '../../journal/journalSchema';
import { withoutReadings } from '../../journal/journalViews';
import { downloadFile } from '../../export/download';
import type { Reference } from '../../music/excerpt';
import type { GenerationSettings } from '../../runtime/decode';
import { MemoryJournal, openJournal, saveJournalOrFallBack, type JournalStorage } from '../../storage/journal';
import { useHistory } from '../../store/historyStore';
import { useJournal } from '../../store/journalStore';
import { useNotices } from '../../store/noticeStore';
import { useTune } from '../../store/tuneStore';
import type { Tune } from '../../store/types';
import { newTuneId } from '../../store/types';
import type { GenerationDone } from '../../worker/modelClient';
import { openTune } from '../openTune';
import { mapTune } from '../tuneMap';
import { nodeFrom, tuneFromNode } from './nodeTune';
import { useViews } from './viewStore';

/** Storage stays here, outside the store; the store holds the nodes and where they live (as for history). */
let storage: JournalStorage = new MemoryJournal();
let ready: Promise<void> | null = null;
/** Tunes made before this visit and reopened from history start their own branch. */
const sessionStart = Date.now();

export function initJournal(): Promise<void> {
  ready ??= (async () => {
    const opened = await openJournal();
    storage = opened.storage;
    const state = useJournal.getState();
    const pending = state.nodes.filter((n) => !findNode(opened.nodes, n.id));
    state.setNodes([...opened.nodes, ...pending]);
    state.setStorage(storage.kind, opened.warning);
    if (pending.length) await storage.put(pending).catch(() => undefined);
    if (opened.warning) useNotices.getState().push(opened.warning, 'warning');
  })();
  return ready;
}

/** Erases the journal, stored and on show (the workshop reset). */
export async function clearJournal(): Promise<void> {
  await ready;
  await storage.clear();
  useJournal.getState().setNodes([]);
  useJournal.getState().setCurrent(null);
}

async function persist(changed: readonly JournalNode[]): Promise<void> {
  await ready;
  const saved = await saveJournalOrFallBack(storage, changed, useJournal.getState().nodes);
  if (saved.storage !== storage) {
    storage = saved.storage;
    useJournal.getState().setStorage('memory', saved.warning);
    if (saved.warning) useNotices.getState().push(saved.warning, 'warning');
  }
}

function commit(nodes: readonly JournalNode[], changedIds: readonly string[]): void {
  useJournal.getState().setNodes(nodes);
  const changed = changedIds.map((id) => findNode(nodes, id)).filter((n): n is JournalNode => n !== undefined);
  void persist(changed);
}

function add(node: JournalNode): void {
  const { nodes, error } = addNode(useJournal.getState().nodes, node);
  if (error) useNotices.getState().push(`The journal could not record this step: ${error}.`, 'warning');
  else commit(nodes, [node.id]);
}

const nodeOfTune = (tuneId: string | null) =>
  tuneId === null ? undefined : useJournal.getState().nodes.find((n) => n.tuneId === tuneId);

/** The node that wrote a tune (not a reading of it): where its readings and regenerations hang. */
export const baseNodeOf = (tuneId: string): JournalNode | undefined =>
  useJournal.getState().nodes.find((n) => n.tuneId === tuneId && n.kind !== 'reading');

/** Every tune that comes on show is a node: a new one becomes a child of the node being explored. */
export function recordTune(tune: Tune): void {
  const j = useJournal.getState();
  const current = findNode(j.nodes, j.currentId);
  if (current?.tuneId === tune.id) return;
  const existing = nodeOfTune(tune.id);
  if (existing) return j.setCurrent(existing.id);
  let parent: JournalNode | undefined;
  let kind: JournalNode['kind'] = 'generation';
  let edge: string | null = null;
  if (tune.origin === 'edit') {
    [parent, kind, edge] = [nodeOfTune(tune.parentId) ?? current, 'edit', 'ABC edited by hand'];
  } else if (tune.parentId !== null) {
    const bars = mapTune(tune.tokens.slice(0, tune.prefixLength)).measures.length;
    [parent, kind, edge] = [nodeOfTune(tune.parentId) ?? current, 'continuation', `continued after bar ${bars}`];
  } else if (tune.createdAt >= sessionStart) {
    parent = current;
    edge = describeChange(parent ?? null, tune);
  }
  // A new tune starts its readings afresh: a comparison or sweep of the old tune would mean nothing here.
  // The new node takes these views; the node left behind keeps its own.
  const views = withoutReadings(useViews.getState().views);
  const node = nodeFrom({ ...tune, tuneId: tune.id }, parent, kind, edge, views);
  add(node);
  useJournal.getState().setCurrent(node.id);
  useViews.getState().replace(views);
}

/** A teacher-forced reading of the current node's tune becomes its child, and the node being explored. */
export function recordReading(baseId: string, reading: ReadingRecord, edge: string): void {
  const base = findNode(useJournal.getState().nodes, baseId);
  if (!base) return;
  const node: JournalNode = { ...nodeFrom(base, base, 'reading', edge, useViews.getState().views), reading };
  add(node);
  useJournal.getState().setCurrent(node.id);
}

/**
 * A regeneration (perturbed prompt or guidance sweep value) becomes a child of the node it varies. Returns its
 * node: the new one, or the one already recorded for the same input and tokens.
 */
export function recordRegeneration(
  baseId: string,
  kind: 'regeneration' | 'sweep',
  edge: string,
  input: { prompt: string; settings: GenerationSettings; prefixLength: number; references: readonly Reference[] },
  done: GenerationDone,
  modelSha256: string,
): JournalNode | undefined {
  const nodes = useJournal.getState().nodes;
  const base = findNode(nodes, baseId);
  if (!base) return undefined;
  const same = nodes.find(
    (n) =>
      n.parentId === baseId &&
      n.kind === kind &&
      n.prompt === input.prompt &&
      JSON.stringify(n.settings) === JSON.stringify(input.settings) &&
      JSON.stringify(n.references ?? []) === JSON.stringify(input.references) &&
      n.tokens.join(' ') === done.tokens.join(' '),
  );
  if (same) return same;
  const tune = { ...done, ...input, tokens: done.tokens, modelSha256, tuneId: newTuneId() };
  const stored = nodeFrom(tune, base, kind, edge, withoutReadings(useViews.getState().views));
  add(stored);
  return stored;
}

/** The tune of a node as the score and player take it: from history when it is there, else rebuilt. */
export const tuneOf = (node: JournalNode): Tune =>
  useHistory.getState().entries.find((t) => t.id === node.tuneId) ?? tuneFromNode(node);

/**
 * Opens a node: its tune comes on show with its prompt and settings, and its views come back as they were
 * left, held so that opening runs no reading or regeneration by itself (running again is the user's choice).
 * A regeneration's views were the parent's, read against the parent's tune, so its own open without them.
 */
export function reopen(nodeId: string, views = findNode(useJournal.getState().nodes, nodeId)?.views): void {
  const node = findNode(useJournal.getState().nodes, nodeId);
  if (!node || !views) return;
  useJournal.getState().setCurrent(node.id);
  const regenerated = node.kind === 'regeneration' || node.kind === 'sweep';
  useViews.getState().replace(regenerated ? withoutReadings(views) : views, true);
  openTune(tuneOf(node));
}

let viewsTimer: ReturnType<typeof setTimeout> | null = null;
/** Keeps the current node's views up to date, so reopening it shows what was last on screen. */
function keepViews(): void {
  const { currentId, nodes } = useJournal.getState();
  const node = findNode(nodes, currentId);
  const views = useViews.getState().views;
  if (!node || node.views === views) return;
  useJournal.getState().setNodes(updateNode(nodes, node.id, (n) => ({ ...n, views })));
  if (viewsTimer) clearTimeout(viewsTimer);
  viewsTimer = setTimeout(() => {
    const latest = findNode(useJournal.getState().nodes, node.id);
    if (latest) void persist([latest]);
  }, 400);
}

export function writeNote(nodeId: string, text: string, withView: boolean): void {
  const note = {
    id: newJournalId('note'),
    author: 'you' as const,
    createdAt: Date.now(),
    text,
    view: withView ? useViews.getState().views : null,
  };
  commit(addNote(useJournal.getState().nodes, nodeId, note), [nodeId]);
}

export const changeNote = (nodeId: string, noteId: string, text: string) =>
  commit(editNote(useJournal.getState().nodes, nodeId, noteId, text), [nodeId]);

export const deleteNote = (nodeId: string, noteId: string) =>
  commit(removeNote(useJournal.getState().nodes, nodeId, noteId), [nodeId]);

export function exportJournal(): void {
  const json = JSON.stringify(journalFile(useJournal.getState().nodes), null, 1);
  downloadFile(json, 'apparatus-journal.json', 'application/json');
}

/** Reads a journal file; a bad file changes nothing and its problems come back. */
export function importJournal(text: string): { ok: true; message: string } | { ok: false; errors: string[] } {
  const parsed = parseJournal(text);
  if (!parsed.ok) return parsed;
  const { nodes, added, replaced } = mergeJournal(useJournal.getState().nodes, parsed.value.nodes);
  commit(
    nodes,
    parsed.value.nodes.map((n) => n.id),
  );
  return { ok: true, message: `Imported ${added} new node${added === 1 ? '' : 's'}, replaced ${replaced}.` };
}

/** Starts the journal: opens storage, records tunes as they come on show and keeps views on the current node. */
export function startJournal(): () => void {
  void initJournal();
  const current = useTune.getState().current;
  if (current) recordTune(current);
  const offTune = useTune.subscribe((s, prev) => {
    if (s.current && s.current !== prev.current) recordTune(s.current);
  });
  const offViews = useViews.subscribe((s, prev) => {
    if (s.views !== prev.views) keepViews();
  });
  return () => {
    offTune();
    offViews();
  };
}
