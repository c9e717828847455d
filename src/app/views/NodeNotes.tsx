import { useId, useState } from 'react';
import type { JournalNode, JournalNote } from '../../journal/journal';
import { changeNote, deleteNote, reopen, writeNote } from './journalService';

const time = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** The user's notes on one node: written, edited and deleted only by them. */
export function NodeNotes({ node }: { node: JournalNode }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [withView, setWithView] = useState(true);
  const add = () => {
    if (!draft.trim()) return;
    writeNote(node.id, draft, withView);
    setDraft('');
  };
  return (
    <div className="node-notes" data-testid="node-notes">
      <h4>Notes on “{node.edge ?? 'start'}”</h4>
      <ul className="notes">
        {node.notes.map((n) => (
          <NoteItem key={n.id} nodeId={node.id} note={n} />
        ))}
      </ul>
      <label htmlFor={`${id}-note`}>Your note</label>
      <textarea
        id={`${id}-note`}
        rows={3}
        value={draft}
        placeholder="What do you notice? In your own words."
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="row">
        <label className="toggle">
          <input type="checkbox" checked={withView} onChange={(e) => setWithView(e.target.checked)} />
          Keep the current view settings with the note
        </label>
        <button type="button" className="primary" disabled={!draft.trim()} onClick={add}>
          Add note
        </button>
      </div>
    </div>
  );
}

function NoteItem({ nodeId, note }: { nodeId: string; note: JournalNote }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  return (
    <li className="note" data-testid="journal-note">
      {editing === null ? (
        <p className="note-text">{note.text}</p>
      ) : (
        <textarea aria-label="Edit note" rows={3} value={editing} onChange={(e) => setEditing(e.target.value)} />
      )}
      <div className="row note-meta">
        <span>
          {note.author} · {time(note.createdAt)}
          {note.view ? ` · about the ${note.view.tab} view` : ''}
        </span>
        {note.view && (
          <button type="button" onClick={() => reopen(nodeId, note.view!)}>
            Open that view
          </button>
        )}
        {editing === null ? (
          <button type="button" onClick={() => setEditing(note.text)}>
            Edit
          </button>
        ) : (
          <button
            type="button"
            disabled={!editing.trim()}
            onClick={() => {
              changeNote(nodeId, note.id, editing);
              setEditing(null);
            }}
          >
            Save
          </button>
        )}
        {confirm ? (
          <button type="button" className="danger" onClick={() => deleteNote(nodeId, note.id)}>
            Really delete
          </button>
        ) : (
          <button type="button" onClick={() => setConfirm(true)}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
