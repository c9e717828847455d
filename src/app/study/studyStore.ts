import { create } from 'zustand';
import type { Position, Step } from '../../study/progress';
import type { Study, StudyCondition } from '../../study/studySchema';
import type { StudyControl, StudyView } from '../../study/views';

/** The study session on this page, as the UI reads it: plain data only (the log itself lives in studyService). */
export interface StudySession {
  readonly study: Study;
  readonly participant: string;
  /** Conditions in the order this participant meets them. */
  readonly conditions: readonly string[];
  readonly steps: readonly Step[];
  readonly position: Position;
}

interface StudyState {
  readonly status: 'off' | 'loading' | 'error' | 'running';
  /** Why the study could not start (bad file, bad link). */
  readonly errors: readonly string[];
  readonly session: StudySession | null;
  /** The last write failed: shown until a write succeeds; the step does not move on meanwhile. */
  readonly writeError: string | null;
  readonly storageWarning: string | null;
  set(patch: Partial<Omit<StudyState, 'set'>>): void;
}

export const useStudy = create<StudyState>()((set) => ({
  status: 'off',
  errors: [],
  session: null,
  writeError: null,
  storageWarning: null,
  set: (patch) => set(patch),
}));

export function currentCondition(session: StudySession): StudyCondition {
  const step = session.position.step;
  const id = step.type === 'consent' ? session.conditions[0] : step.condition;
  return session.study.conditions.find((c) => c.id === id)!;
}

/** Whether a view shows: always outside a study; in one, when the condition and the task offer it. */
export function viewVisible(session: StudySession | null, view: StudyView): boolean {
  if (!session) return true;
  const step = session.position.step;
  if (!currentCondition(session).views.includes(view)) return false;
  const task = step.type === 'task' ? session.study.tasks.find((t) => t.id === step.task) : undefined;
  return !task?.views || task.views.includes(view);
}

export function controlVisible(session: StudySession | null, control: StudyControl): boolean {
  if (!session) return true;
  const shown = currentCondition(session).controls;
  return !shown || shown.includes(control);
}

export const useViewVisible = (view: StudyView) => useStudy((s) => viewVisible(s.session, view));
export const useControlVisible = (control: StudyControl) => useStudy((s) => controlVisible(s.session, control));

/** Keeps locked settings at their values while a study runs: a change to one is put back. */
export function lockedSettingsNow(): Record<string, number> {
  const session = useStudy.getState().session;
  if (!session) return {};
  return Object.fromEntries(
    Object.entries(currentCondition(session).lockedSettings).filter(([, v]) => v !== undefined),
  ) as Record<string, number>;
}
