/**
 * The participant's path through a study as a list of steps, and where the stored events say they are.
 * A reload reads the events back and lands on the same step: nothing else is kept.
 */
import type { StudyEvent } from './events';
import type { Study, StudyCondition, StudyTask } from './studySchema';

export type Step =
  | { readonly type: 'consent' }
  | { readonly type: 'task'; readonly condition: string; readonly task: string }
  /** `task` is the task it follows, or null for the questionnaires at the end. */
  | {
      readonly type: 'questionnaire';
      readonly condition: string;
      readonly task: string | null;
      readonly questionnaire: string;
    }
  | { readonly type: 'debrief'; readonly condition: string };

export function tasksOf(study: Study, condition: StudyCondition): StudyTask[] {
  if (!condition.tasks) return study.tasks;
  return condition.tasks.map((id) => study.tasks.find((t) => t.id === id)!);
}

/** Consent, then each condition's tasks with their questionnaires, then the closing questionnaires, then the debrief. */
export function buildSteps(study: Study, conditions: readonly string[]): Step[] {
  const steps: Step[] = [{ type: 'consent' }];
  for (const id of conditions) {
    const condition = study.conditions.find((c) => c.id === id)!;
    for (const task of tasksOf(study, condition)) {
      steps.push({ type: 'task', condition: id, task: task.id });
      for (const q of task.questionnairesAfter)
        steps.push({ type: 'questionnaire', condition: id, task: task.id, questionnaire: q });
    }
  }
  const last = conditions[conditions.length - 1];
  for (const q of study.questionnairesAtEnd)
    steps.push({ type: 'questionnaire', condition: last, task: null, questionnaire: q });
  steps.push({ type: 'debrief', condition: last });
  return steps;
}

function isDone(step: Step, events: readonly StudyEvent[]): boolean {
  switch (step.type) {
    case 'consent':
      return events.some((e) => e.kind === 'consent');
    case 'task':
      return events.some((e) => e.kind === 'task-end' && e.task === step.task && e.condition === step.condition);
    case 'questionnaire':
      return events.some(
        (e) =>
          e.kind === 'questionnaire-done' &&
          e.payload.questionnaire === step.questionnaire &&
          e.task === step.task &&
          e.condition === step.condition,
      );
    case 'debrief':
      return events.some((e) => e.kind === 'debrief');
  }
}

export interface Position {
  /** Index into the steps of the first one not done; steps.length - 1 (the debrief) once all are. */
  readonly index: number;
  readonly step: Step;
  /** For a task already started: when (wall clock), so a time limit keeps running across a reload. */
  readonly startedAt: number | null;
  /** For a questionnaire: the answers already given (the latest per item). */
  readonly answers: Readonly<Record<string, number | string | null>>;
}

export function positionOf(steps: readonly Step[], events: readonly StudyEvent[]): Position {
  const found = steps.findIndex((s) => !isDone(s, events));
  const index = found === -1 ? steps.length - 1 : found;
  const step = steps[index];
  let startedAt: number | null = null;
  const answers: Record<string, number | string | null> = {};
  if (step.type === 'task') {
    const start = events.find((e) => e.kind === 'task-start' && e.task === step.task && e.condition === step.condition);
    startedAt = start?.wallTime ?? null;
  }
  if (step.type === 'questionnaire')
    for (const e of events)
      if (
        e.kind === 'questionnaire-answer' &&
        e.payload.questionnaire === step.questionnaire &&
        e.task === step.task &&
        e.condition === step.condition
      )
        answers[e.payload.item] = e.payload.value;
  return { index, step, startedAt, answers };
}

/** The generations and notes made in a task, for its "what counts as done". */
export function taskCounts(
  events: readonly StudyEvent[],
  condition: string,
  task: string,
): { generations: number; notes: number } {
  const mine = events.filter((e) => e.task === task && e.condition === condition);
  return {
    generations: mine.filter((e) => e.kind === 'tune').length,
    notes: mine.filter((e) => e.kind === 'journal-note').length,
  };
}
