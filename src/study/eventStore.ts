/**
 * The study database: events, participants and study files, in IndexedDB through idb. Its own database, so
 * its versions move independently of the history and journal stores. Each append is its own transaction and
 * resolves only once that transaction has completed: an acknowledged event survives a reload or a crash.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { eventKey, studyEventSchema, type EventContext, type EventDraft, type StudyEvent } from './events';
import { advance, browserClock, mergeEvents, resumeCursor, stamp, type Clock, type LogCursor } from './logCore';

export interface ParticipantRecord {
  readonly studyId: string;
  readonly participant: string;
  /** Conditions in the order this participant meets them (one, between subjects). */
  readonly conditions: readonly string[];
  readonly studyVersion: string;
  /** SHA-256 of the study file's text, so exports name the exact file. */
  readonly studyHash: string;
  readonly startedAt: number;
  readonly completedAt: number | null;
}

export interface StoredStudy {
  readonly id: string;
  readonly source: string;
  readonly hash: string;
  readonly savedAt: number;
}

interface StudyDb extends DBSchema {
  events: { key: [string, string, number]; value: StudyEvent; indexes: { participant: [string, string] } };
  participants: { key: [string, string]; value: ParticipantRecord };
  studies: { key: string; value: StoredStudy };
}

export const STUDY_DB = 'apparatus-study';
export const STUDY_DB_VERSION = 1;

/** Migrations by the version a database is upgraded from. */
function upgrade(db: IDBPDatabase<StudyDb>, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('events', { keyPath: ['studyId', 'participant', 'seq'] }).createIndex('participant', [
      'studyId',
      'participant',
    ]);
    db.createObjectStore('participants', { keyPath: ['studyId', 'participant'] });
    db.createObjectStore('studies', { keyPath: 'id' });
  }
}

/** The write failed: named plainly, with the quota case told apart. */
export class StudyWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly quota: boolean,
  ) {
    super(
      quota
        ? 'The study log could not be saved: this browser has run out of storage for the site. Ask the researcher before going on.'
        : `The study log could not be saved (${(cause as Error)?.message ?? String(cause)}). Ask the researcher before going on.`,
    );
    this.name = 'StudyWriteError';
  }
}

const isQuota = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError';
const isKeyTaken = (e: unknown): boolean =>
  (e instanceof DOMException && e.name === 'ConstraintError') || (e instanceof StudyWriteError && isKeyTaken(e.cause));

/** What an event log writes to: the IndexedDB store, or anything else that keeps the same promises. */
export interface EventSink {
  readAll(studyId: string, participant: string): Promise<StudyEvent[]>;
  /** Resolves once the event is durably stored; rejects if its key is taken or the write fails. */
  add(event: StudyEvent): Promise<void>;
}

export class StudyStore implements EventSink {
  private constructor(private readonly db: IDBPDatabase<StudyDb>) {}

  static async open(): Promise<StudyStore> {
    return new StudyStore(
      await openDB<StudyDb>(STUDY_DB, STUDY_DB_VERSION, { upgrade: (db, old) => upgrade(db, old) }),
    );
  }

  /** One participant's events, in sequence order. */
  readAll(studyId: string, participant: string): Promise<StudyEvent[]> {
    return this.db
      .getAllFromIndex('events', 'participant', [studyId, participant])
      .then((es) => es.sort((a, b) => a.seq - b.seq));
  }

  /** Every event on this device, in log order (study, participant, sequence). */
  readEverything(): Promise<StudyEvent[]> {
    return this.db.getAll('events');
  }

  listParticipants(): Promise<ParticipantRecord[]> {
    return this.db.getAll('participants');
  }

  getParticipant(studyId: string, participant: string): Promise<ParticipantRecord | undefined> {
    return this.db.get('participants', [studyId, participant]);
  }

  async putParticipant(record: ParticipantRecord): Promise<void> {
    await this.write(async () => {
      await this.db.put('participants', record);
    });
  }

  /** Adds one event; rejects (with a StudyWriteError) if its key is taken or the write fails. */
  async add(event: StudyEvent): Promise<void> {
    await this.write(async () => {
      const tx = this.db.transaction('events', 'readwrite');
      await Promise.all([tx.store.add(event), tx.done]);
    });
  }

  /**
   * Adds events from exports: each is checked against the event schema, and ones already stored are refused
   * (counted, not written twice). Returns what the merge did.
   */
  async importEvents(
    incoming: readonly unknown[],
  ): Promise<{ added: number; duplicates: number; conflicts: string[] }> {
    const events = incoming.map((e, i) => {
      const r = studyEventSchema.safeParse(e);
      if (!r.success)
        throw new Error(`events[${i}]: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
      return r.data;
    });
    const existing = await this.readEverything();
    const merge = mergeEvents(existing, events);
    const had = new Set(existing.map(eventKey));
    const fresh = merge.events.filter((e) => !had.has(eventKey(e)));
    await this.write(async () => {
      const tx = this.db.transaction('events', 'readwrite');
      await Promise.all([...fresh.map((e) => tx.store.add(e)), tx.done]);
    });
    return { added: merge.added, duplicates: merge.duplicates, conflicts: merge.conflicts };
  }

  getStudy(id: string): Promise<StoredStudy | undefined> {
    return this.db.get('studies', id);
  }

  async putStudy(study: StoredStudy): Promise<void> {
    await this.write(async () => {
      await this.db.put('studies', study);
    });
  }

  /** Erases every event and participant (the researcher asks, after exporting); study files stay. */
  async clearData(): Promise<void> {
    const tx = this.db.transaction(['events', 'participants'], 'readwrite');
    await Promise.all([tx.objectStore('events').clear(), tx.objectStore('participants').clear(), tx.done]);
  }

  private async write(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      throw e instanceof StudyWriteError ? e : new StudyWriteError(e, isQuota(e));
    }
  }
}

/**
 * One participant's log: appends in order, one transaction each, and resolves once the event is stored.
 * Appends queue behind each other so sequence numbers follow the order of the calls.
 */
export class EventLog {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: EventSink,
    private cursor: LogCursor,
    private readonly clock: Clock,
  ) {}

  /** Opens the log where a previous page load left it. */
  static async resume(store: EventSink, context: EventContext, clock: Clock = browserClock): Promise<EventLog> {
    const stored = await store.readAll(context.studyId, context.participant);
    return new EventLog(store, resumeCursor(context, stored, crypto.randomUUID()), clock);
  }

  get context(): EventContext {
    return this.cursor.context;
  }

  /** The task later events belong to, until changed again. */
  setTask(task: string | null, condition = this.cursor.context.condition): void {
    this.cursor = { ...this.cursor, context: { ...this.cursor.context, task, condition } };
  }

  append(draft: EventDraft): Promise<StudyEvent> {
    const run = this.queue.then(async () => {
      let event = stamp(this.cursor, draft, this.clock);
      try {
        await this.store.add(event);
      } catch (e) {
        // The number is taken (a write whose reply was lost, or a second tab): read where the log is, once.
        if (!isKeyTaken(e)) throw e;
        const c = this.cursor.context;
        this.cursor = resumeCursor(c, await this.store.readAll(c.studyId, c.participant), this.cursor.session);
        event = stamp(this.cursor, draft, this.clock);
        await this.store.add(event);
      }
      this.cursor = advance(this.cursor);
      return event;
    });
    // A failed write leaves the cursor where it was, so the next append reuses the number: no gap.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
