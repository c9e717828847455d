import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { findNode } from '../../journal/journal';
import type { ReplayOutcome } from '../../journal/journalReplay';
import { useJournal } from '../../store/journalStore';
import { JournalIO } from './JournalIO';
import { JournalTree } from './JournalTree';
import { reopen } from './journalService';
import { NodeNotes } from './NodeNotes';
import { replayJournal } from './replayService';

/** The tree of the exploration with the user's notes; export, import and replay. */
export function JournalPanel() {
  const { nodes, currentId, storage, warning } = useJournal();
  const [selected, setSelected] = useState<string | null>(null);
  const [live, setLive] = useState<ReplayOutcome[]>([]);
  const replay = useMutation({
    mutationFn: () => {
      setLive([]);
      return replayJournal((o) => setLive((l) => [...l, o]));
    },
  });
  const outcomes = useMemo(() => new Map(live.map((o) => [o.nodeId, o])), [live]);
  const node = findNode(nodes, selected ?? currentId);
  const bad = live.filter((o) => !o.ok);
  return (
    <div className="view journal-view" data-testid="journal-view">
      <p className="hint" data-testid="journal-storage">
        {storage === 'indexeddb'
          ? 'Saved in this browser (IndexedDB).'
          : storage === 'memory'
            ? 'Kept in memory only.'
            : 'Opening…'}{' '}
        Every tune, regeneration and likelihood reading is a node; notes are yours.
      </p>
      {warning && (
        <p className="warning" role="alert" data-testid="journal-warning">
          {warning}
        </p>
      )}
      <JournalIO empty={nodes.length === 0} />
      <div className="row">
        <button type="button" disabled={nodes.length === 0 || replay.isPending} onClick={() => replay.mutate()}>
          {replay.isPending ? `Replaying… (${live.length} done)` : 'Replay every generation'}
        </button>
      </div>
      {replay.data && (
        <div className="replay-report" data-testid="replay-report">
          <p>
            Replayed {replay.data.outcomes.length} generation{replay.data.outcomes.length === 1 ? '' : 's'} from their
            recorded prompt, seed and settings: {replay.data.outcomes.length - bad.length} ✓, {bad.length} ✗
            {replay.data.skipped.length ? `; ${replay.data.skipped.length} skipped` : ''}.
          </p>
          <ul>
            {replay.data.outcomes.map((o) => (
              <li key={o.nodeId} data-testid="replay-line">
                {o.ok ? '✓' : '✗'} {findNode(nodes, o.nodeId)?.edge ?? 'start'}: {o.detail}
                {o.modelChanged ? ' (recorded with another model)' : ''}
              </li>
            ))}
            {replay.data.skipped.map((s) => (
              <li key={s.nodeId}>
                – {findNode(nodes, s.nodeId)?.edge ?? 'start'}: skipped, {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {nodes.length === 0 ? (
        <p className="hint">The journal is empty: generate a tune and it appears here.</p>
      ) : (
        <div className="journal-body">
          <JournalTree
            nodes={nodes}
            currentId={currentId}
            selectedId={node?.id ?? null}
            outcomes={outcomes}
            onSelect={setSelected}
            onOpen={(id) => {
              setSelected(id);
              reopen(id);
            }}
          />
          {node && <NodeNotes key={node.id} node={node} />}
        </div>
      )}
    </div>
  );
}
