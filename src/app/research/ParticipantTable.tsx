import type { ParticipantLog } from '../../study/export/logFile';
import { downloadParticipant, type ParticipantExport } from './researchService';

const EXPORTS: readonly [ParticipantExport, string][] = [
  ['json', 'JSON'],
  ['events-csv', 'Events CSV'],
  ['questionnaires-csv', 'Answers CSV'],
  ['abc', 'Tunes ABC'],
];

const when = (ms: number) => new Date(ms).toLocaleString('en-GB');

function completion(p: ParticipantLog): string {
  if (p.record.completedAt !== null) return `Completed ${when(p.record.completedAt)}`;
  const tasks = p.events.filter((e) => e.kind === 'task-end').length;
  return `In progress: ${tasks} ${tasks === 1 ? 'task' : 'tasks'} done`;
}

interface Props {
  readonly logs: readonly ParticipantLog[];
  readonly onReplay: (p: ParticipantLog) => void;
}

/** The participants on this device, their completion, and their exports one by one. */
export function ParticipantTable({ logs, onReplay }: Props) {
  if (logs.length === 0) return <p className="hint">No participants on this device.</p>;
  return (
    <table className="participant-table" aria-label="Participants on this device">
      <thead>
        <tr>
          <th scope="col">Study</th>
          <th scope="col">Participant</th>
          <th scope="col">Conditions</th>
          <th scope="col">Started</th>
          <th scope="col">Completion</th>
          <th scope="col">Events</th>
          <th scope="col">Tunes</th>
          <th scope="col">Export and replay</th>
        </tr>
      </thead>
      <tbody>
        {logs.map((p) => {
          const who = `${p.record.participant} (${p.record.studyId})`;
          return (
            <tr key={`${p.record.studyId}\u0000${p.record.participant}`}>
              <td>
                {p.record.studyId} {p.record.studyVersion}
              </td>
              <th scope="row">{p.record.participant}</th>
              <td>{p.record.conditions.join(' → ')}</td>
              <td>{when(p.record.startedAt)}</td>
              <td>{completion(p)}</td>
              <td>{p.events.length}</td>
              <td>{p.events.filter((e) => e.kind === 'tune').length}</td>
              <td className="row">
                {EXPORTS.map(([kind, label]) => (
                  <button
                    key={kind}
                    type="button"
                    aria-label={`${label} of ${who}`}
                    onClick={() => downloadParticipant(p, kind)}
                  >
                    {label}
                  </button>
                ))}
                <button type="button" aria-label={`Replay ${who}`} onClick={() => onReplay(p)}>
                  Replay
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
