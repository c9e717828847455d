import { useEffect, useState } from 'react';

/** Fills the screen with the page (browsers allow it only from a press), and leaves it again. */
export function FullscreenButton() {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    setError(null);
    const change = full ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    change.catch((e: unknown) =>
      setError(`Full screen is not available here: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <>
      <button type="button" aria-pressed={full} onClick={toggle}>
        Full screen
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
