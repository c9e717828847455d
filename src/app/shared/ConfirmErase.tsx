import type { ReactNode } from 'react';

interface Props {
  /** The group's accessible name, e.g. "Confirm reset". */
  readonly label: string;
  readonly eraseLabel: string;
  readonly busy: boolean;
  readonly onErase: () => void;
  readonly onCancel: () => void;
  /** What will be erased, in words. */
  readonly children: ReactNode;
}

/** The second step of an erase: says what goes, then erases only on the explicit button. */
export function ConfirmErase({ label, eraseLabel, busy, onErase, onCancel, children }: Props) {
  return (
    <div className="reset-confirm" role="group" aria-label={label}>
      <p>{children}</p>
      <button type="button" className="danger" disabled={busy} onClick={onErase}>
        {busy ? 'Erasing…' : eraseLabel}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
