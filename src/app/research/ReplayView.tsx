import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ParticipantLog } from '../../study/export/logFile';
import { describeEvent } from '../../study/replay/describe';
import { replaySteps } from '../../study/replay/replay';
import { ReplayState } from './ReplayState';
import { Timeline } from './Timeline';

/** Keys that move the replay, and by how much (Infinity: to the end). */
const MOVES: Readonly<Record<string, number>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  PageDown: 10,
  PageUp: -10,
  Home: -Infinity,
  End: Infinity,
};

/** Steps through one participant's session, rebuilt from their events and the tunes stored in them. */
export function ReplayView({ log, onClose }: { log: ParticipantLog; onClose: () => void }) {
  const steps = useMemo(() => replaySteps(log.events), [log]);
  const [at, setAt] = useState(0);
  const go = (i: number) => setAt(Math.max(0, Math.min(steps.length - 1, i)));
  const onKey = (e: KeyboardEvent) => {
    const move = MOVES[e.key];
    if (move === undefined) return;
    e.preventDefault();
    go(Number.isFinite(move) ? at + move : move < 0 ? 0 : steps.length - 1);
  };
  const step = steps[at];
  const who = `${log.record.participant} (${log.record.studyId})`;
  return (
    <section className="panel replay" aria-label={`Replay of ${who}`}>
      <div className="row">
        <h2>Replay of {who}</h2>
        <button type="button" onClick={onClose}>
          Close replay
        </button>
      </div>
      {!step ? (
        <p className="hint">This participant has no events.</p>
      ) : (
        <div
          className="replay-stepper"
          tabIndex={0}
          role="group"
          aria-label="Replay steps"
          aria-keyshortcuts="ArrowLeft ArrowRight Home End PageUp PageDown"
          aria-describedby="replay-keys"
          onKeyDown={onKey}
        >
          <p id="replay-keys" className="hint">
            ← and → step through events; Page Up and Page Down jump ten; Home and End go to the start and end.
          </p>
          <Timeline steps={steps} current={at} onPick={go} />
          <div className="row">
            <button type="button" disabled={at === 0} onClick={() => go(at - 1)}>
              Previous
            </button>
            <p role="status" aria-label="Replay step">
              Step {at + 1} of {steps.length}: #{step.event.seq} {describeEvent(step.event)} —{' '}
              {new Date(step.event.wallTime).toLocaleTimeString('en-GB')}
            </p>
            <button type="button" disabled={at === steps.length - 1} onClick={() => go(at + 1)}>
              Next
            </button>
          </div>
          <ReplayState state={step.state} />
        </div>
      )}
    </section>
  );
}
