import { useEffect } from 'react';
import type { ScoreClick } from '../../vis/scoreView';
import { ScoreKeysText } from '../ScoreKeysText';
import { useBarCursor, type BarKeys } from '../useBarCursor';
import { useScoreView } from '../useScoreView';

interface Props {
  readonly abc: string;
  /** CSS class -> note ordinals carrying it (hover, selection, playhead, colour bins, changed bars). */
  readonly marks: Readonly<Record<string, readonly number[]>>;
  readonly onClick?: (click: ScoreClick) => void;
  /** Bars for the keyboard, where a bar can be chosen; without them the score takes no focus. */
  readonly keys?: BarKeys;
  readonly testId: string;
  readonly label: string;
}

/** A score the views draw and mark themselves (abcjs through vis/scoreView.ts), linked to a map or a diff. */
export function LinkedScore({ abc, marks, onClick, keys, testId, label }: Props) {
  const { node, view } = useScoreView(abc, onClick);
  const cursor = useBarCursor(view, keys, abc);
  useEffect(() => {
    for (const [cls, ordinals] of Object.entries(marks)) view.current?.mark(cls, ordinals);
  }, [view, marks, abc]);
  return (
    <>
      <div ref={node} className="score linked-score" data-testid={testId} aria-label={label} {...cursor.props} />
      {keys && <ScoreKeysText hintId={cursor.hintId} status={cursor.status} testId={`${testId}-cursor`} />}
    </>
  );
}
