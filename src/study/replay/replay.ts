/**
 * Replay of one participant's session: the log folded, event by event, into what the page held at that
 * moment (task, prompt, tunes written, tune playing, views opened, notes, answers). Pure, so the researcher
 * page, tests and any later analysis read a session the same way.
 */
import type { StudyEvent } from '../events';
import { compareEvents } from '../logCore';

export interface ReplayTune {
  readonly tuneId: string;
  readonly seq: number;
  readonly prompt: string;
  readonly abc: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly stopped: string;
}

export interface ReplayState {
  readonly condition: string;
  /** The task under way and its title, or null outside tasks. */
  readonly task: string | null;
  readonly taskTitle: string | null;
  readonly consented: boolean;
  /** The prompt as last typed or generated from. */
  readonly prompt: string;
  /** A generation was asked for and has not yet finished or been cancelled. */
  readonly generating: boolean;
  /** Every tune written so far, oldest first. */
  readonly tunes: readonly ReplayTune[];
  /** The tune on show: the latest written. */
  readonly shown: ReplayTune | null;
  /** The tune playing, if any (null id: a tune not in the log, such as a catalogue entry). */
  readonly playing: { readonly tuneId: string | null } | null;
  /** Ids of tunes played at least once. */
  readonly heard: readonly string[];
  /** Views opened, in the order first opened, with their latest settings. */
  readonly views: readonly { readonly view: string; readonly settings: Readonly<Record<string, unknown>> | null }[];
  readonly notes: readonly { readonly nodeId: string; readonly text: string; readonly seq: number }[];
  /** Questionnaire answers as last given, keyed "questionnaire/item". */
  readonly answers: Readonly<Record<string, string | number | null>>;
}

export interface ReplayStep {
  readonly event: StudyEvent;
  /** The state just after the event. */
  readonly state: ReplayState;
}

export const initialReplayState = (condition: string): ReplayState => ({
  condition,
  task: null,
  taskTitle: null,
  consented: false,
  prompt: '',
  generating: false,
  tunes: [],
  shown: null,
  playing: null,
  heard: [],
  views: [],
  notes: [],
  answers: {},
});

const withView = (
  views: ReplayState['views'],
  view: string,
  settings: Readonly<Record<string, unknown>> | null,
): ReplayState['views'] => {
  const at = views.findIndex((v) => v.view === view);
  if (at < 0) return [...views, { view, settings }];
  return views.map((v, i) => (i === at ? { view, settings: settings ?? v.settings } : v));
};

/** The state after one event. Kinds that change nothing on the page (dwell, exports) leave it as it was. */
export function applyEvent(s: ReplayState, e: StudyEvent): ReplayState {
  const base = { ...s, condition: e.condition, task: e.task, taskTitle: e.task === s.task ? s.taskTitle : null };
  switch (e.kind) {
    case 'consent':
      return { ...base, consented: true };
    case 'task-start':
      return { ...base, taskTitle: e.payload.title };
    case 'task-end':
      return { ...base, task: null, taskTitle: null, generating: false, playing: null };
    case 'prompt-edit':
      return { ...base, prompt: e.payload.text };
    case 'generate':
      return { ...base, prompt: e.payload.prompt, generating: true };
    case 'cancel':
      return { ...base, generating: false };
    case 'tune': {
      const { tuneId, prompt, abc, settings, stopped } = e.payload;
      const tune: ReplayTune = { tuneId, seq: e.seq, prompt, abc, settings, stopped };
      return { ...base, generating: false, tunes: [...s.tunes, tune], shown: tune };
    }
    case 'playback-start': {
      const id = e.payload.tuneId;
      const heard = id === null || s.heard.includes(id) ? s.heard : [...s.heard, id];
      return { ...base, playing: { tuneId: id }, heard };
    }
    case 'playback-stop':
      return { ...base, playing: null };
    case 'view-open':
      return { ...base, views: withView(s.views, e.payload.view, null) };
    case 'view-settings':
      return { ...base, views: withView(s.views, e.payload.view, e.payload.settings) };
    case 'journal-note':
      return { ...base, notes: [...s.notes, { nodeId: e.payload.nodeId, text: e.payload.text, seq: e.seq }] };
    case 'questionnaire-answer':
      return {
        ...base,
        answers: { ...s.answers, [`${e.payload.questionnaire}/${e.payload.item}`]: e.payload.value },
      };
    default:
      return base;
  }
}

/** Every step of a participant's session, in sequence order. */
export function replaySteps(events: readonly StudyEvent[]): ReplayStep[] {
  const sorted = [...events].sort(compareEvents);
  let state = initialReplayState(sorted[0]?.condition ?? '');
  return sorted.map((event) => {
    state = applyEvent(state, event);
    return { event, state };
  });
}
