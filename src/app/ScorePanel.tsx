import { useMemo } from 'react';
import { tuneTitle } from '../music/tuneTitle';
import { tokensToAbc } from '../tokenizer/musicTokens';
import { useTune } from '../store/tuneStore';
import { AskDifferences } from './AskDifferences';
import { runGeneration } from './generation';
import { Score } from './Score';
import { barNumberOf, mapTune, measureAt, notesInMeasure, prefixThroughMeasure } from './tuneMap';
import { useCanGenerate } from './useCanGenerate';
import { useRedrawCadence } from './useRedrawCadence';

const STOPPED = {
  end: 'the model ended the tune',
  'max-tokens': 'stopped at the length limit',
  cancelled: 'cancelled',
} as const;

/** The score of the tune on show (or the one being written), bar selection and "continue from here". */
export function ScorePanel() {
  const current = useTune((s) => s.current);
  const streaming = useTune((s) => s.streaming);
  const selected = useTune((s) => s.selectedMeasure);
  const playingNote = useTune((s) => s.playingNote);
  const error = useTune((s) => s.generationError);
  const select = useTune((s) => s.select);
  const { ok: canGenerate } = useCanGenerate();
  // A tune being written is redrawn at the redraw cadence, not at every token (redrawCadence.ts).
  const cadence = useRedrawCadence(streaming?.tokens ?? current?.tokens ?? null, streaming !== null);
  const tokens = cadence.shown;
  const title = tuneTitle(streaming?.prompt ?? current?.prompt ?? '');
  const abc = useMemo(() => (tokens ? tokensToAbc(tokens, { title }) : ''), [tokens, title]);
  const map = useMemo(() => mapTune(tokens ?? []), [tokens]);
  const selectedNotes = useMemo(() => (selected === null ? [] : notesInMeasure(map, selected)), [map, selected]);
  const barNotes = useMemo(() => map.measures.map((m) => notesInMeasure(map, m.index)), [map]);

  const continueHere = () => {
    if (!current || selected === null) return;
    void runGeneration(prefixThroughMeasure(current.tokens, map, selected), current.id);
  };

  return (
    <section className="panel score-panel" aria-labelledby="score-heading" data-testid="score-panel">
      <h2 id="score-heading">Score</h2>
      {error && (
        <p className="error" role="alert" data-testid="generation-error">
          {error}
        </p>
      )}
      {tokens ? (
        <>
          <p className="hint" data-testid="tune-status">
            {streaming
              ? `Writing… ${streaming.tokens.length - streaming.prefixLength} tokens`
              : current &&
                `${current.tokens.length} tokens, ${STOPPED[current.stopped]}; seed ${current.settings.seed}${current.origin === 'edit' ? ' (edited by hand)' : ''}`}
          </p>
          {!streaming && current && <AskDifferences tune={current} />}
          <Score
            abc={abc}
            onDrawn={cadence.drawn}
            selectedNotes={streaming ? [] : selectedNotes}
            playingNote={streaming ? null : playingNote}
            onClick={(c) => !streaming && select(measureAt(map, c))}
            keys={
              streaming
                ? undefined
                : { bars: barNotes, name: (b) => `Bar ${barNumberOf(map, b)}`, choose: select, selected }
            }
          />
          {!streaming && selected !== null && (
            <div className="row selection" data-testid="selection">
              <span>Bar {barNumberOf(map, selected)} selected.</span>
              <button type="button" disabled={!canGenerate} onClick={continueHere}>
                Continue from here
              </button>
              <button type="button" onClick={() => select(null)}>
                Clear selection
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="hint">Type a prompt and press Generate; the score appears here as the model writes it.</p>
      )}
    </section>
  );
}
