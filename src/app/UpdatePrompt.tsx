import { useOffline } from '../store/offlineStore';
import { applyUpdate, postponeUpdate } from './offline';

/** Asks before a newly deployed version takes over, since taking over reloads the page. */
export function UpdatePrompt() {
  const waiting = useOffline((s) => s.updateWaiting);
  if (!waiting) return null;
  return (
    <div className="update-prompt" role="alertdialog" aria-label="New version" aria-describedby="update-prompt-text">
      <p id="update-prompt-text">
        A new version of Apparatus is ready. Updating reloads the page; this browser&apos;s history and journal stay.
      </p>
      <button type="button" onClick={applyUpdate}>
        Update now
      </button>{' '}
      <button type="button" onClick={postponeUpdate}>
        Later
      </button>
    </div>
  );
}
