/**
 * The event log's ordering and deduplication, kept pure so it can be tested without a browser.
 * The IndexedDB store (eventStore.ts) calls these; so do imports that merge several exports.
 */
import { eventKey, type EventContext, type EventDraft, type StudyEvent } from './events';

/** Where the next event of one participant goes. */
export interface LogCursor {
  readonly context: EventContext;
  readonly nextSeq: number;
  readonly session: string;
}

export interface Clock {
  wall(): number;
  mono(): number;
}

export const browserClock: Clock = { wall: () => Date.now(), mono: () => performance.now() };

/** The cursor after a (re)load: one past the highest sequence number already stored for this participant. */
export function resumeCursor(context: EventContext, stored: readonly StudyEvent[], session: string): LogCursor {
  const mine = stored.filter((e) => e.studyId === context.studyId && e.participant === context.participant);
  const nextSeq = mine.reduce((m, e) => Math.max(m, e.seq + 1), 0);
  return { context, nextSeq, session };
}

/** The event the draft becomes; the cursor moves on only once the store has acknowledged it. */
export function stamp(cursor: LogCursor, draft: EventDraft, clock: Clock): StudyEvent {
  const { task, ...body } = draft;
  return {
    ...cursor.context,
    task: task === undefined ? cursor.context.task : task,
    seq: cursor.nextSeq,
    wallTime: clock.wall(),
    monoTime: clock.mono(),
    session: cursor.session,
    ...body,
  } as StudyEvent;
}

export const advance = (cursor: LogCursor): LogCursor => ({ ...cursor, nextSeq: cursor.nextSeq + 1 });

/** Study, participant, then sequence number: the order exports and replays read. */
export function compareEvents(a: StudyEvent, b: StudyEvent): number {
  return a.studyId.localeCompare(b.studyId) || a.participant.localeCompare(b.participant) || a.seq - b.seq;
}

export interface MergeResult {
  readonly events: StudyEvent[];
  readonly added: number;
  /** Incoming events already present with the same content. */
  readonly duplicates: number;
  /** Incoming events whose key is taken by a different event: refused, each named. */
  readonly conflicts: string[];
}

const sameEvent = (a: StudyEvent, b: StudyEvent) => JSON.stringify(a) === JSON.stringify(b);

/** Adds `incoming` to `existing`, refusing duplicates and conflicts, in log order. */
export function mergeEvents(existing: readonly StudyEvent[], incoming: readonly StudyEvent[]): MergeResult {
  const byKey = new Map(existing.map((e) => [eventKey(e), e]));
  let added = 0;
  let duplicates = 0;
  const conflicts: string[] = [];
  for (const e of incoming) {
    const k = eventKey(e);
    const had = byKey.get(k);
    if (!had) {
      byKey.set(k, e);
      added++;
    } else if (sameEvent(had, e)) duplicates++;
    else conflicts.push(`${e.studyId} ${e.participant} #${e.seq}`);
  }
  return { events: [...byKey.values()].sort(compareEvents), added, duplicates, conflicts };
}

/** Sequence numbers missing from one participant's log (none, when nothing was lost). */
export function missingSeqs(events: readonly StudyEvent[]): number[] {
  const seqs = new Set(events.map((e) => e.seq));
  const max = events.reduce((m, e) => Math.max(m, e.seq), -1);
  const missing: number[] = [];
  for (let i = 0; i <= max; i++) if (!seqs.has(i)) missing.push(i);
  return missing;
}
