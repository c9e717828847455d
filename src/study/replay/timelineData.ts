/** What the replay's timeline draws: a lane per kind of action and a band per task, from the steps. */
import type { EventKind } from '../events';
import { describeEvent } from './describe';
import type { ReplayStep } from './replay';

export const LANES = ['Study', 'Prompt', 'Generate', 'Listen', 'Views', 'Notes', 'Answers'] as const;
export type Lane = (typeof LANES)[number];

const LANE_OF: Record<EventKind, Lane> = {
  'session-start': 'Study',
  consent: 'Study',
  'task-start': 'Study',
  'task-end': 'Study',
  'questionnaire-done': 'Study',
  debrief: 'Study',
  'storage-warning': 'Study',
  'prompt-edit': 'Prompt',
  generate: 'Generate',
  cancel: 'Generate',
  tune: 'Generate',
  'playback-start': 'Listen',
  'playback-stop': 'Listen',
  'view-open': 'Views',
  'view-settings': 'Views',
  'attention-dwell': 'Views',
  perturbation: 'Views',
  'neighbour-chosen': 'Views',
  'references-chosen': 'Views',
  'journal-note': 'Notes',
  export: 'Notes',
  'questionnaire-answer': 'Answers',
};

export const laneOf = (kind: EventKind): Lane => LANE_OF[kind];

export function timelineMarks(steps: readonly ReplayStep[]) {
  return steps.map((s, index) => ({
    index,
    time: s.event.wallTime,
    lane: laneOf(s.event.kind),
    label: `#${s.event.seq} ${describeEvent(s.event)}`,
  }));
}

/** One band per run of consecutive events in the same task, from its first event to its last. */
export function taskBands(steps: readonly ReplayStep[]): { from: number; to: number; label: string }[] {
  const bands: { from: number; to: number; label: string }[] = [];
  let open: { from: number; to: number; label: string; task: string } | null = null;
  for (const s of steps) {
    const task = s.event.task;
    if (open && open.task === task) open.to = s.event.wallTime;
    else {
      if (open) bands.push({ from: open.from, to: open.to, label: open.label });
      open = task === null ? null : { from: s.event.wallTime, to: s.event.wallTime, label: task, task };
    }
  }
  if (open) bands.push({ from: open.from, to: open.to, label: open.label });
  return bands;
}
