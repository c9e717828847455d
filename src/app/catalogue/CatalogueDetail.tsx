import { useEffect, useMemo, useState } from 'react';
import type { ScoreClick } from '../../vis/scoreView';
import { CatalogueRights } from '../references/CatalogueRights';
import { NO_RANGE, pickBar, readRange } from '../references/barRangeText';
import { mapTune, measureAt, notesInMeasure } from '../tuneMap';
import { Score } from '../Score';
import { entryTitle, type CatalogueEntry } from './catalogueData';
import { playCatalogueTune, stopCatalogueTune } from './cataloguePlayer';

const FEATURE_LABELS: Readonly<Record<string, string>> = {
  lowest: 'lowest MIDI pitch',
  highest: 'highest MIDI pitch',
  range: 'range (semitones)',
  meanPitch: 'mean MIDI pitch',
  notesPerBar: 'notes per bar',
  stepwise: 'share of stepwise moves',
  bars: 'bars',
  notes: 'notes',
};

/** One catalogue tune: score, play button, credits, captions and features. */
export function CatalogueDetail({ entry }: { readonly entry: CatalogueEntry }) {
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState(NO_RANGE);
  const map = useMemo(() => mapTune(entry.tokens), [entry.tokens]);
  const reading = readRange(range);
  const first = reading.ok && reading.range ? reading.range.first : 0;
  const last = reading.ok && reading.range ? reading.range.last : 0;
  // Reference bar n is measure n - 1 (both count every bar that holds a note or rest, from 1 and from 0).
  const selectedNotes = useMemo(() => {
    const notes: number[] = [];
    for (let m = first - 1; first > 0 && m < Math.min(last, map.measures.length); m++)
      notes.push(...notesInMeasure(map, m));
    return notes;
  }, [map, first, last]);
  const pick = (click: ScoreClick) => {
    const measure = measureAt(map, click);
    if (measure !== null) setRange((r) => pickBar(r, measure + 1));
  };
  // The panel keys this component by entry, so state starts afresh per tune; leaving stops the sound.
  useEffect(() => stopCatalogueTune, []);
  const c = entry.credits;
  const toggle = () => {
    if (playing) {
      stopCatalogueTune();
      setPlaying(false);
      return;
    }
    setPlaying(true);
    playCatalogueTune(entry.tokens, () => setPlaying(false)).catch((e: unknown) => {
      setPlaying(false);
      setError(`Playback failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  };
  return (
    <article
      className="catalogue-detail"
      data-testid="catalogue-detail"
      aria-label={`Catalogue tune ${entryTitle(entry)}`}
    >
      <h3>{entryTitle(entry)}</h3>
      {entry.titles.length > 1 && <p className="hint">Also: {entry.titles.slice(1).join('; ')}</p>}
      <button type="button" onClick={toggle}>
        {playing ? 'Stop' : 'Play'}
      </button>
      {error && <p role="alert">{error}</p>}
      <Score abc={entry.abc} selectedNotes={selectedNotes} playingNote={null} onClick={pick} />
      <CatalogueRights entry={entry} range={range} onRange={setRange} />
      <dl className="catalogue-credits" data-testid="catalogue-credits">
        <dt>Collection</dt>
        <dd>{c.collection}</dd>
        <dt>Book and number</dt>
        <dd>
          {c.book ?? '—'}, no. {c.number}
        </dd>
        {c.composer && (
          <>
            <dt>Composer</dt>
            <dd>{c.composer}</dd>
          </>
        )}
        <dt>Encoder</dt>
        <dd>{c.encoder ?? 'not recorded'}</dd>
        <dt>Source file</dt>
        <dd>{c.sourceFile}</dd>
        <dt>Catalogue id, split</dt>
        <dd>
          {entry.id}, {entry.split}
        </dd>
        <dt>Meter, key, type</dt>
        <dd>
          {entry.meter}, {entry.key}, {entry.type ?? 'no type given'}
        </dd>
      </dl>
      <h4>Captions</h4>
      <ul className="catalogue-captions">
        {entry.captions.map((cap) => (
          <li key={cap}>{cap}</li>
        ))}
      </ul>
      <h4>Features</h4>
      <dl className="catalogue-features">
        {Object.entries(entry.features).map(([k, v]) => (
          <div key={k}>
            <dt>{FEATURE_LABELS[k] ?? k}</dt>
            <dd>{typeof v === 'number' ? Number(v.toFixed(2)) : String(v)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
