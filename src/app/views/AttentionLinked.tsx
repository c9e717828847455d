import { emitActivity } from '../activity';
import { useMemo, useRef, useState } from 'react';
import {
  attentionMatrix,
  matrixToCsv,
  type AttentionInput,
  type AttentionSettings,
  type LabelledMatrix,
} from '../../explain/attention';
import { NO_BAR } from '../../explain/tokenBars';
import { downloadBlob, downloadFile, fileStem } from '../../export/download';
import { tuneTitle } from '../../music/tuneTitle';
import { useTune } from '../../store/tuneStore';
import type { Tune } from '../../store/types';
import { tokensToAbc } from '../../tokenizer/musicTokens';
import type { Heatmap as HeatmapView } from '../../vis/heatmap';
import type { HeatmapHit } from '../../vis/heatmapLayout';
import type { ScoreClick } from '../../vis/scoreView';
import { barNumberOf, mapTune, measureAt, notesInMeasure } from '../tuneMap';
import { ColourLegend } from './ColourLegend';
import { Heatmap } from './Heatmap';
import { LinkedScore } from '../shared/LinkedScore';
import { colourClasses, COLOUR_STEPS, noteValues, rowNotes, rowOfClick, rowOfNote } from './linking';
import { useViews } from './viewStore';

interface Props {
  readonly tune: Tune;
  readonly matrix: LabelledMatrix;
  readonly input: AttentionInput;
  readonly settings: AttentionSettings;
}

const NO_COLOURS = colourClasses([]);

/** "3 words", or "3 words + 7 reference columns" when references were read. */
function columnsText(m: LabelledMatrix): string {
  const words = m.colGroups?.[0]?.count ?? m.cols;
  const refs = m.cols - words;
  const text = `${words} word${words === 1 ? '' : 's'}`;
  return refs ? `${text} + ${refs} reference column${refs === 1 ? '' : 's'}` : text;
}
const fmt = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '—');

type Hover = { row: number; col: number | null } | null;
const hoverOf = (h: HeatmapHit | null): Hover =>
  h && h.area !== 'col-label' ? { row: h.row, col: h.area === 'cell' ? h.col : null } : null;
/** The state before when the pointer is still on the same cell, so a move within a cell renders nothing. */
const sameHover = (before: Hover, next: Hover): Hover =>
  before && next && before.row === next.row && before.col === next.col ? before : next;

/**
 * The map and a score, linked both ways: hovering a row marks its notes, clicking a note or bar line selects
 * its row (and the bar in the tune's selection), a word column colours the notes, the playhead marks a row.
 */
export function AttentionLinked({ tune, matrix, input, settings }: Props) {
  const word = useViews((s) => s.views.word);
  const setWord = useViews((s) => s.setWord);
  const selectedMeasure = useTune((s) => s.selectedMeasure);
  const playingNote = useTune((s) => s.playingNote);
  const select = useTune((s) => s.select);
  const [hover, setHover] = useState<Hover>(null);
  const [selectedToken, setSelectedToken] = useState<number | null>(null);
  const heatmap = useRef<HeatmapView | null>(null);
  const map = useMemo(() => mapTune(tune.tokens), [tune.tokens]);
  const barNotes = useMemo(() => map.measures.map((m) => notesInMeasure(map, m.index)), [map]);
  const abc = useMemo(() => tokensToAbc(tune.tokens, { title: tuneTitle(tune.prompt) }), [tune]);
  const kind = matrix.rowKind;
  const n = tune.tokens.length;
  const selectedRow = kind === 'bar' ? selectedMeasure : selectedToken;
  const playingRow = rowOfNote(map, kind, playingNote);

  const tokenRows = useMemo(
    () => (word === null ? null : attentionMatrix(input, { ...settings, rows: 'token', normalise: 'none' })),
    [input, settings, word],
  );
  const col = word !== null && word < matrix.cols ? word : null;
  const colours = useMemo(
    () => (tokenRows && col !== null ? colourClasses(noteValues(map, tokenRows, col)) : NO_COLOURS),
    [tokenRows, col, map],
  );
  const marks = useMemo(
    () => ({
      ...colours,
      'ap-hover': rowNotes(map, n, kind, hover?.row ?? null),
      'ap-selected': rowNotes(map, n, kind, selectedRow),
      'ap-playing': playingNote === null ? [] : [playingNote],
    }),
    [colours, map, n, kind, hover, selectedRow, playingNote],
  );
  const heatmapInput = useMemo(
    () => ({
      ...matrix,
      title: matrix.label,
      scale: 'sequential' as const,
      flaggedCols: matrix.colLabels.flatMap((w, i) => (tune.unknownWords.includes(w) ? [i] : [])),
    }),
    [matrix, tune.unknownWords],
  );
  const heatmapMarks = useMemo(
    () => ({ hoverRow: hover?.row ?? null, selectedRow, playingRow, selectedCol: col }),
    [hover, selectedRow, playingRow, col],
  );

  const selectRow = (row: number | null) => {
    if (kind === 'bar') return select(row);
    setSelectedToken(row);
    const bar = row === null ? NO_BAR : input.bars!.bar[row];
    select(bar === NO_BAR ? null : bar);
  };
  const onHit = (h: HeatmapHit) => {
    if (h.area === 'col-label') setWord(word === h.col ? null : h.col);
    else selectRow(h.row === selectedRow ? null : h.row);
  };
  const onScore = (c: ScoreClick) => {
    if (kind === 'bar') return select(measureAt(map, c));
    setSelectedToken(rowOfClick(map, kind, c));
    select(measureAt(map, c));
  };
  const keys = {
    bars: barNotes,
    name: (b: number) => `Bar ${barNumberOf(map, b)}`,
    // A bar chosen from the keyboard is its first note clicked: the bar's row, or the note's first token's.
    choose: (b: number) => onScore({ kind: 'note', ordinal: barNotes[b][0] }),
    selected: selectedMeasure,
  };
  const stem = `attention-${fileStem(tuneTitle(tune.prompt))}-${tune.settings.seed}`;
  const exportPng = async () => {
    const blob = await heatmap.current?.png();
    if (blob) downloadBlob(blob, `${stem}.png`);
  };
  const value = (row: number, c: number) => matrix.data[row * matrix.cols + c];

  return (
    <>
      <p className="measure-label" data-testid="attention-label">
        {matrix.label} — {matrix.rows} {kind === 'bar' ? 'bars' : 'tokens'} × {columnsText(matrix)}
      </p>
      <div className="row word-buttons" role="group" aria-label="Colour the notes by attention to a word">
        <span>Colour notes by attention to:</span>
        {matrix.colLabels.map((w, i) => (
          <button
            key={`${i}-${w}`}
            type="button"
            className={tune.unknownWords.includes(w) ? 'word-button unknown' : 'word-button'}
            aria-pressed={col === i}
            onClick={() => setWord(col === i ? null : i)}
          >
            {w}
            {tune.unknownWords.includes(w) ? ' ?' : ''}
          </button>
        ))}
      </div>
      <div className="linked">
        <div>
          <div className="heatmap-scroll">
            <Heatmap
              input={heatmapInput}
              marks={heatmapMarks}
              viewRef={heatmap}
              testId="attention-map"
              label={`Map: ${matrix.label}`}
              onHover={(h) => {
                setHover((before) => sameHover(before, hoverOf(h)));
                emitActivity({
                  type: 'attention-hover',
                  cell: h?.area === 'cell' ? { row: h.row, word: h.col } : null,
                });
              }}
              onClick={onHit}
            />
          </div>
          <ColourLegend data={matrix.data} scale="sequential" label={matrix.label} testId="attention-legend" />
        </div>
        <LinkedScore
          abc={abc}
          marks={marks}
          onClick={onScore}
          keys={keys}
          testId="attention-score"
          label="Score linked to the map"
        />
      </div>
      <p className="hint hover-line" data-testid="attention-hover" aria-live="polite">
        {hover
          ? `${matrix.rowLabels[hover.row]}${hover.col !== null ? ` × '${matrix.colLabels[hover.col]}': ${fmt(value(hover.row, hover.col))}` : ''}`
          : 'Point at a row to mark its notes; click a row, a note or a word.'}
      </p>
      <p className="hint" data-testid="attention-selected">
        {selectedRow !== null && selectedRow < matrix.rows
          ? `Selected row: ${matrix.rowLabels[selectedRow]}`
          : 'No row selected.'}
        {playingRow !== null ? ` Playing: ${matrix.rowLabels[playingRow] ?? ''}.` : ''}
      </p>
      {col !== null && tokenRows && (
        <p className="hint" data-testid="attention-colouring">
          Notes coloured by {tokenRows.label} to ‘{matrix.colLabels[col]}’, mean over each note’s tokens, in{' '}
          {COLOUR_STEPS} equal steps from the lowest (light) to the highest (dark) value among this tune’s notes.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void exportPng()}>
          Export map as PNG
        </button>
        <button type="button" onClick={() => downloadFile(matrixToCsv(matrix), `${stem}.csv`, 'text/csv')}>
          Export map as CSV
        </button>
      </div>
    </>
  );
}
