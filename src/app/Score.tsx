import { useEffect } from 'react';
import type { ScoreClick } from '../vis/scoreView';
import { ScoreKeysText } from './ScoreKeysText';
import { useBarCursor, type BarKeys } from './useBarCursor';
import { useScoreView } from './useScoreView';

interface Props {
  readonly abc: string;
  readonly selectedNotes: readonly number[];
  readonly playingNote: number | null;
  readonly onClick: (click: ScoreClick) => void;
  /** Bars for the keyboard; without them the score takes no focus. */
  readonly keys?: BarKeys;
  /** Hears how long each drawing of the score took. */
  readonly onDrawn?: (ms: number) => void;
}

/** Mounts the abcjs score view; the drawing itself lives in vis/scoreView.ts. */
export function Score({ abc, selectedNotes, playingNote, onClick, keys, onDrawn }: Props) {
  const { node, view } = useScoreView(abc, onClick, onDrawn);
  const cursor = useBarCursor(view, keys, abc);
  useEffect(() => view.current?.mark('ap-selected', selectedNotes), [view, selectedNotes, abc]);
  useEffect(() => {
    view.current?.mark('ap-playing', playingNote === null ? [] : [playingNote]);
    if (playingNote !== null) view.current?.reveal(playingNote);
  }, [view, playingNote, abc]);
  return (
    <>
      <div ref={node} className="score" data-testid="score" aria-label="Score" {...cursor.props} />
      {keys && <ScoreKeysText hintId={cursor.hintId} status={cursor.status} testId="score-cursor" />}
    </>
  );
}
