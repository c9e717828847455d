import { downloadFile } from '../export/download';
import { tuneTitle } from '../music/tuneTitle';
import { useHistory } from '../store/historyStore';
import { useTune } from '../store/tuneStore';
import { historyJson } from './historyService';
import { openTune } from './openTune';

const time = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** Every generation, newest first; a click reopens one with its prompt and settings. */
export function HistoryPanel() {
  const { entries, storage, warning } = useHistory();
  const currentId = useTune((s) => s.current?.id);
  const busy = useTune((s) => s.streaming !== null);
  return (
    <aside className="panel history" aria-labelledby="history-heading" data-testid="history-panel">
      <h2 id="history-heading">History</h2>
      <p className="hint" data-testid="history-storage">
        {storage === 'indexeddb'
          ? 'Saved in this browser (IndexedDB).'
          : storage === 'memory'
            ? 'Kept in memory only.'
            : 'Opening…'}
      </p>
      {warning && (
        <p className="warning" role="alert" data-testid="history-warning">
          {warning}
        </p>
      )}
      <button
        type="button"
        disabled={entries.length === 0}
        onClick={() => downloadFile(historyJson(), 'apparatus-history.json', 'application/json')}
      >
        Download history JSON
      </button>
      <ol className="history-list">
        {entries.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className={t.id === currentId ? 'history-item current' : 'history-item'}
              aria-current={t.id === currentId}
              disabled={busy}
              onClick={() => openTune(t)}
            >
              <span className="history-title">{tuneTitle(t.prompt)}</span>
              <span className="history-meta">
                {t.origin === 'edit' ? 'edited' : t.parentId ? 'continued' : 'new'} · seed {t.settings.seed} ·{' '}
                {t.tokens.length} tokens
                {t.stopped === 'cancelled' ? ' · cancelled' : ''} · {time(t.createdAt)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
