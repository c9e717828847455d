import { useEffect, useRef } from 'react';
import { ScoreView, type ScoreClick } from '../vis/scoreView';
import { ScoreKeysText } from './ScoreKeysText';
import { useBarCursor, type BarKeys } from './useBarCursor';

interface Props {
  readonly abc: string;
  readonly selectedNotes: readonly number[];
  readonly playingNote: number | null;
  readonly onClick: (click: ScoreClick) => void;
  /** Bars for the keyboard; without them the score takes no focus. */
  readonly keys?: BarKeys;
}

/** Mounts the abcjs score view; the drawing itself lives in vis/scoreView.ts. */
export function Score({ abc, selectedNotes, playingNote, onClick, keys }: Props) {
  const node = useRef<HTMLDivElement>(null);
  const view = useRef<ScoreView | null>(null);
  const click = useRef(onClick);
  const cursor = useBarCursor(view, keys, abc);
  useEffect(() => {
    click.current = onClick;
  });
  useEffect(() => {
    const v = new ScoreView(node.current!, (c) => click.current(c));
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);
  useEffect(() => view.current?.render(abc), [abc]);
  useEffect(() => view.current?.mark('ap-selected', selectedNotes), [selectedNotes, abc]);
  useEffect(() => {
    view.current?.mark('ap-playing', playingNote === null ? [] : [playingNote]);
    if (playingNote !== null) view.current?.reveal(playingNote);
  }, [playingNote, abc]);
  return (
    <>
      <div ref={node} className="score" data-testid="score" aria-label="Score" {...cursor.props} />
      {keys && <ScoreKeysText hintId={cursor.hintId} status={cursor.status} testId="score-cursor" />}
    </>
  );
}
