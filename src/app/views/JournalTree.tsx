import { treeOrder, type JournalNode } from '../../journal/journal';
import type { ReplayOutcome } from '../../journal/journalReplay';

interface Props {
  readonly nodes: readonly JournalNode[];
  readonly currentId: string | null;
  readonly selectedId: string | null;
  readonly outcomes: ReadonlyMap<string, ReplayOutcome>;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
}

const KIND: Readonly<Record<JournalNode['kind'], string>> = {
  generation: 'generation',
  continuation: 'continuation',
  edit: 'hand edit',
  regeneration: 'regeneration',
  sweep: 'guidance sweep',
  reading: 'likelihood reading',
};

/** The journal as an indented tree, oldest first; each row names what changed from its parent. */
export function JournalTree({ nodes, currentId, selectedId, outcomes, onSelect, onOpen }: Props) {
  return (
    <ol className="journal-tree" aria-label="Journal nodes">
      {treeOrder(nodes).map(({ node: n, depth }) => {
        const outcome = outcomes.get(n.id);
        return (
          <li
            key={n.id}
            className={n.id === selectedId ? 'journal-node selected' : 'journal-node'}
            style={{ marginLeft: `${Math.min(depth, 8) * 1.1}rem` }}
            data-testid="journal-node"
            data-node-id={n.id}
            aria-current={n.id === currentId}
          >
            <button
              type="button"
              className="journal-select"
              onClick={() => onSelect(n.id)}
              aria-pressed={n.id === selectedId}
            >
              <span className="journal-edge">{n.edge ?? 'start'}</span>
              <span className="journal-meta">
                {KIND[n.kind]} · ‘{n.words.join(' ') || '<none>'}’ · seed {n.settings.seed} · guidance{' '}
                {n.settings.guidance} · {n.tokens.length} tokens
                {n.notes.length ? ` · ${n.notes.length} note${n.notes.length === 1 ? '' : 's'}` : ''}
                {n.id === currentId ? ' · on show' : ''}
              </span>
            </button>
            {outcome && (
              <span
                className={outcome.ok ? 'replay-ok' : 'replay-bad'}
                data-testid="replay-mark"
                title={outcome.detail}
                aria-label={outcome.ok ? 'replayed: tokens match' : `replay differs: ${outcome.detail}`}
              >
                {outcome.ok ? '✓' : '✗'}
              </span>
            )}
            <button type="button" className="journal-open" onClick={() => onOpen(n.id)}>
              Open
            </button>
          </li>
        );
      })}
    </ol>
  );
}
