/**
 * Runs a study session on this page: loads and checks the study file, assigns the participant, resumes the
 * event log where it was, and moves through the steps. Every step change is appended to the log first; the
 * page moves on only once the write is acknowledged.
 */
import { assign, seedFor } from '../../study/assignment';
import { EventLog, StudyStore, StudyWriteError } from '../../study/eventStore';
import type { EventDraft, StudyEvent } from '../../study/events';
import { parseStudy } from '../../study/parseStudy';
import { buildSteps, positionOf } from '../../study/progress';
import type { Study } from '../../study/studySchema';
import { useSettings } from '../../store/settingsStore';
import { resetWorkbench } from '../resetService';
import { currentCondition, useStudy, type StudySession } from './studyStore';
import type { StudyRequest } from './studyUrl';
import { watchStorage } from './storageWatch';
import { startRecorder } from './recorder';

let log: EventLog | null = null;
let store: StudyStore | null = null;
/** The events of this participant, as stored: the step and the task counts are read from them. */
let events: StudyEvent[] = [];

export const studyEvents = (): readonly StudyEvent[] => events;

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function openStudyStore(): Promise<StudyStore> {
  return store ? Promise.resolve(store) : StudyStore.open().then((s) => (store = s));
}

/** A study file by id: one the researcher loaded from disk on this device, else one shipped in public/studies/. */
async function studySource(id: string): Promise<string> {
  const saved = await (await openStudyStore()).getStudy(id);
  if (saved) return saved.source;
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`study "${id}": not a study id`);
  const res = await fetch(new URL(`studies/${id}.json`, new URL(import.meta.env.BASE_URL, location.href)));
  if (!res.ok) throw new Error(`study "${id}" was not found on this device or among the shipped studies`);
  return res.text();
}

const fail = (errors: string[]) => useStudy.getState().set({ status: 'error', errors });

export async function startStudy(request: StudyRequest): Promise<void> {
  useStudy.getState().set({ status: 'loading', errors: [] });
  try {
    if (!request.participant) return fail(['This link has no participant id. Ask the researcher for your link.']);
    const source = await studySource(request.study);
    const parsed = parseStudy(source);
    if (!parsed.ok) return fail(parsed.errors.map((e) => `${request.study}: ${e}`));
    const study = parsed.study;
    const db = await openStudyStore();
    const known = await db.getParticipant(study.id, request.participant);
    // A returning participant keeps the conditions first assigned, whatever the link says now.
    let conditions = known?.conditions;
    if (!conditions) {
      const a = assign(study, request.participant, request.condition);
      if (!a.ok) return fail([a.error]);
      conditions = a.conditions;
      // A new participant on this device starts from an empty workbench: no tunes or notes of the one before.
      await resetWorkbench();
      await db.putParticipant({
        studyId: study.id,
        participant: request.participant,
        conditions,
        studyVersion: study.version,
        studyHash: await sha256(source),
        startedAt: Date.now(),
        completedAt: null,
      });
    }
    const steps = buildSteps(study, conditions);
    log = await EventLog.resume(db, {
      studyId: study.id,
      studyVersion: study.version,
      participant: request.participant,
      condition: conditions[0],
      task: null,
    });
    events = await db.readAll(study.id, request.participant);
    const session: StudySession = {
      study,
      participant: request.participant,
      conditions,
      steps,
      position: positionOf(steps, events),
    };
    useStudy.getState().set({ status: 'running', session });
    await record({ kind: 'session-start', payload: { resumed: events.length > 0, userAgent: navigator.userAgent } });
    await enterStep();
    startRecorder(record);
    watchStorage(record);
  } catch (e) {
    fail([e instanceof Error ? e.message : String(e)]);
  }
}

/** Appends one event; false (with the error shown) when it could not be stored. */
export async function record(draft: EventDraft): Promise<boolean> {
  if (!log) return false;
  try {
    events.push(await log.append(draft));
    if (useStudy.getState().writeError) useStudy.getState().set({ writeError: null });
    return true;
  } catch (e) {
    useStudy
      .getState()
      .set({ writeError: e instanceof StudyWriteError ? e.message : `The study log could not be saved: ${String(e)}` });
    return false;
  }
}

/** Records the event that finishes the current step, then moves to the next one. */
export async function finishStep(draft: EventDraft): Promise<boolean> {
  if (!(await record(draft))) return false;
  const session = useStudy.getState().session!;
  useStudy.getState().set({ session: { ...session, position: positionOf(session.steps, events) } });
  await enterStep();
  return true;
}

/** Sets up the step the participant is on: the log's task and condition, and for a task its settings and prompt. */
async function enterStep(): Promise<void> {
  const session = useStudy.getState().session!;
  const step = session.position.step;
  const condition = currentCondition(session);
  log!.setTask(step.type === 'task' || step.type === 'questionnaire' ? step.task : null, condition.id);
  if (step.type !== 'task') return;
  const task = session.study.tasks.find((t) => t.id === step.task)!;
  applyCondition(session.study, session.participant, step.task);
  if (session.position.startedAt !== null) {
    const lastPrompt = [...events].reverse().find((e) => e.kind === 'prompt-edit' && e.task === step.task);
    if (lastPrompt?.kind === 'prompt-edit') useSettings.getState().setPrompt(lastPrompt.payload.text);
    return;
  }
  useSettings.getState().setPrompt(task.presetPrompt ?? condition.presetPrompts[0] ?? '');
  if (
    await record({
      kind: 'task-start',
      payload: { title: task.title, timeLimitSeconds: task.timeLimitSeconds ?? null },
    })
  ) {
    useStudy.getState().set({ session: { ...session, position: positionOf(session.steps, events) } });
  }
}

/** The condition's locked settings and the participant's seed for this task; the seed stays locked. */
function applyCondition(study: Study, participant: string, task: string): void {
  const session = useStudy.getState().session!;
  const locked = currentCondition(session).lockedSettings;
  const s = useSettings.getState();
  s.update({ seed: seedFor(study, participant, task), ...locked });
  s.setSeedLocked(true);
}

export async function completeStudy(): Promise<void> {
  const session = useStudy.getState().session;
  if (!session || !store) return;
  if (!events.some((e) => e.kind === 'debrief')) await record({ kind: 'debrief', payload: {} });
  const known = await store.getParticipant(session.study.id, session.participant);
  if (known && known.completedAt === null) await store.putParticipant({ ...known, completedAt: Date.now() });
}

/** Keeps a study file loaded from disk on this device, so its participant links open it here. */
export async function saveStudyFile(id: string, source: string): Promise<void> {
  await (await openStudyStore()).putStudy({ id, source, hash: await sha256(source), savedAt: Date.now() });
}
