import { useState } from 'react';
import { INSTRUMENT_NAMES, INSTRUMENTS, isInstrumentName } from '../audio/instruments';
import { TEMPO_RANGE, usePlayback } from '../store/playbackStore';
import { useTune } from '../store/tuneStore';
import { NumberField } from './NumberField';
import { pause, play, resume, setInstrument, setLoop, setTempo, stop } from './playerService';

export function PlayerPanel() {
  const { state, instrument, tempoBpm, loop, loading, error } = usePlayback();
  const hasTune = useTune((s) => s.current !== null && s.streaming === null);
  // Play waits for a tempo it can use rather than starting at the last valid one behind the person's back.
  const [tempoValid, setTempoValid] = useState(true);
  return (
    <section className="panel" aria-labelledby="player-heading" data-testid="player-panel">
      <h2 id="player-heading">Listen</h2>
      <div className="row">
        {state === 'playing' ? (
          <button type="button" onClick={pause}>
            Pause
          </button>
        ) : state === 'paused' ? (
          <button type="button" onClick={resume}>
            Resume
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!hasTune || loading || !tempoValid}
            aria-describedby={tempoValid ? undefined : 'play-waits'}
            onClick={() => void play()}
          >
            {loading ? 'Loading samples…' : 'Play'}
          </button>
        )}
        <button type="button" disabled={state === 'stopped'} onClick={stop}>
          Stop
        </button>
        <label className="toggle">
          <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} />
          Loop
        </label>
      </div>
      {!tempoValid && (
        <p className="hint" id="play-waits" data-testid="play-waits">
          Play waits until the tempo is between {TEMPO_RANGE.min} and {TEMPO_RANGE.max}.
        </p>
      )}
      <div className="fields">
        <NumberField
          label="Tempo (quarter notes per minute)"
          value={tempoBpm}
          min={TEMPO_RANGE.min}
          max={TEMPO_RANGE.max}
          integer
          onCommit={setTempo}
          onValidity={setTempoValid}
        />
        <div className="field">
          <label htmlFor="instrument-select">Instrument</label>
          <select
            id="instrument-select"
            value={instrument}
            onChange={(e) => isInstrumentName(e.target.value) && void setInstrument(e.target.value)}
          >
            {INSTRUMENT_NAMES.map((n) => (
              <option key={n} value={n}>
                {INSTRUMENTS[n].label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint" data-testid="player-state">
        {state === 'playing' ? 'Playing' : state === 'paused' ? 'Paused' : 'Stopped'}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
