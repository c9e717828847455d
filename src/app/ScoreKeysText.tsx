interface Props {
  readonly hintId: string;
  readonly status: string;
  readonly testId: string;
}

/** For screen readers: how to move through a score's bars, and the bar the cursor is on. */
export function ScoreKeysText({ hintId, status, testId }: Props) {
  return (
    <>
      <span id={hintId} className="sr-only">
        Arrow keys move between bars; Enter or Space selects the bar.
      </span>
      <span className="sr-only" aria-live="polite" data-testid={testId}>
        {status}
      </span>
    </>
  );
}
