import { useNotices } from '../store/noticeStore';

/** Messages about things that happened on their own: a worker restart, a backend fallback, storage trouble. */
export function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices" data-testid="notices">
      {notices.map((n) => (
        <li key={n.id} className={`notice notice-${n.level}`} role="status">
          <span>{n.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
