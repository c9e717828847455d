import { useEffect, useRef, useState } from 'react';
import { taskCounts } from '../../study/progress';
import type { StudyTask } from '../../study/studySchema';
import { useTune } from '../../store/tuneStore';
import { useJournal } from '../../store/journalStore';
import type { StudySession } from './studyStore';
import { finishStep, studyEvents } from './studyService';

function doneMessage(task: StudyTask, counts: { generations: number; notes: number }): string | null {
  const d = task.doneWhen;
  if (d.type === 'generations' && counts.generations < d.count)
    return `Generate ${d.count - counts.generations} more tune${d.count - counts.generations === 1 ? '' : 's'} first.`;
  if (d.type === 'journal-notes' && counts.notes < d.count)
    return `Write ${d.count - counts.notes} more journal note${d.count - counts.notes === 1 ? '' : 's'} first.`;
  return null;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The task's instructions, its time left, and the way to finish it. */
export function TaskBar({ session }: { session: StudySession }) {
  const step = session.position.step;
  const task = step.type === 'task' ? session.study.tasks.find((t) => t.id === step.task)! : null;
  const startedAt = session.position.startedAt;
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const ending = useRef(false);
  // Re-read the counts when a tune or a note arrives.
  useTune((s) => s.current);
  useJournal((s) => s.nodes);
  const limitMs = task?.timeLimitSeconds ? task.timeLimitSeconds * 1000 : null;
  const left = limitMs !== null && startedAt !== null ? limitMs - (now - startedAt) : null;
  const end = async (reason: 'done' | 'time-up') => {
    if (ending.current || !task) return;
    ending.current = true;
    setBusy(true);
    const elapsedMs = startedAt === null ? 0 : Date.now() - startedAt;
    if (!(await finishStep({ kind: 'task-end', payload: { reason, elapsedMs } }))) ending.current = false;
    setBusy(false);
  };
  const endRef = useRef(end);
  useEffect(() => {
    endRef.current = end;
  });
  useEffect(() => {
    if (limitMs === null || startedAt === null) return;
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (limitMs - (t - startedAt) <= 0) void endRef.current('time-up');
    }, 500);
    return () => clearInterval(id);
  }, [limitMs, startedAt]);
  if (!task || step.type !== 'task') return null;
  const blocker = doneMessage(task, taskCounts(studyEvents(), step.condition, step.task));
  const index = session.steps
    .filter((s) => s.type === 'task')
    .findIndex((s) => s.type === 'task' && s.task === task.id && s.condition === step.condition);
  const total = session.steps.filter((s) => s.type === 'task').length;
  return (
    <section className="study-task" aria-labelledby="study-task-heading" data-task={task.id}>
      <h2 id="study-task-heading">
        Task {index + 1} of {total}: {task.title}
      </h2>
      <p className="study-text">{task.instructions}</p>
      <p className="study-meta">
        Participant {session.participant}
        {left !== null && (
          <span role="timer" aria-label="Time left">
            {' '}
            · {clock(left)} left
          </span>
        )}
      </p>
      {blocker && <p className="hint">{blocker}</p>}
      <button type="button" className="primary" disabled={busy || blocker !== null} onClick={() => void end('done')}>
        I have finished this task
      </button>
    </section>
  );
}
