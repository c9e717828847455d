/**
 * The study log export: one JSON file with one or more participants, each with their record (conditions,
 * the study file's SHA-256, completion) and every event in sequence order. Tunes travel inside their `tune`
 * events, so a log file alone is enough to hear and replay a session. Imports are checked against this
 * schema before anything is stored.
 */
import { z } from '../../schema/zod';
import type { ParticipantRecord } from '../eventStore';
import { studyEventSchema, type StudyEvent } from '../events';
import { compareEvents } from '../logCore';

export const LOG_FORMAT = 'apparatus-study-log';
export const LOG_VERSION = 1;

/** Bounds that keep a hostile file from exhausting memory; far above a real session's size. */
export const LOG_LIMITS = { participants: 1_000, eventsPerParticipant: 50_000 } as const;

export const UNKNOWN_HASH = 'unknown';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex (64 characters 0-9, a-f)');

export const participantRecordSchema = z.object({
  studyId: z.string().min(1),
  participant: z.string().min(1),
  conditions: z.array(z.string()),
  studyVersion: z.string(),
  /** 'unknown' only for a participant whose events were found without their record (see participantLogs). */
  studyHash: z.union([sha256, z.literal(UNKNOWN_HASH)]),
  startedAt: z.number(),
  completedAt: z.number().nullable(),
}) satisfies z.ZodType<ParticipantRecord>;

const participantLogSchema = z
  .object({
    record: participantRecordSchema,
    events: z.array(studyEventSchema).max(LOG_LIMITS.eventsPerParticipant),
  })
  .superRefine((p, ctx) => {
    p.events.forEach((e, i) => {
      if (e.studyId !== p.record.studyId || e.participant !== p.record.participant)
        ctx.addIssue({
          code: 'custom',
          path: ['events', i],
          message: `belongs to ${e.studyId}/${e.participant}, not to this participant (${p.record.studyId}/${p.record.participant})`,
        });
      if (i > 0 && e.seq <= p.events[i - 1].seq)
        ctx.addIssue({ code: 'custom', path: ['events', i, 'seq'], message: 'must be greater than the one before' });
    });
  });

export const logFileSchema = z.object({
  format: z.literal(LOG_FORMAT),
  version: z.literal(LOG_VERSION),
  exportedAt: z.string(),
  /** The app that wrote it, so a file can be matched to the build that ran the study. */
  app: z.string(),
  participants: z.array(participantLogSchema).max(LOG_LIMITS.participants),
});

export type LogFile = z.infer<typeof logFileSchema>;
export type ParticipantLog = LogFile['participants'][number];

/**
 * Groups events under their participants' records, each participant's in sequence order. Events whose record is
 * missing (a record write that failed after its events were stored) still come out, under a record rebuilt from
 * them with the study hash 'unknown': an export never drops an event.
 */
export function participantLogs(
  records: readonly ParticipantRecord[],
  events: readonly StudyEvent[],
): ParticipantLog[] {
  const key = (s: string, p: string) => JSON.stringify([s, p]);
  const byKey = new Map<string, StudyEvent[]>();
  for (const e of [...events].sort(compareEvents)) {
    const k = key(e.studyId, e.participant);
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const known = new Set(records.map((r) => key(r.studyId, r.participant)));
  const rebuilt = [...byKey.entries()].filter(([k]) => !known.has(k)).map(([, es]) => recordFromEvents(es));
  return [...records, ...rebuilt]
    .sort((a, b) => a.studyId.localeCompare(b.studyId) || a.participant.localeCompare(b.participant))
    .map((record) => ({
      record: { ...record, conditions: [...record.conditions] },
      events: byKey.get(key(record.studyId, record.participant)) ?? [],
    }));
}

/** A record for events found without one: conditions in the order met, started at the first event. */
function recordFromEvents(events: readonly StudyEvent[]): ParticipantRecord {
  const first = events[0];
  return {
    studyId: first.studyId,
    participant: first.participant,
    conditions: [...new Set(events.map((e) => e.condition))],
    studyVersion: first.studyVersion,
    studyHash: UNKNOWN_HASH,
    startedAt: first.wallTime,
    completedAt: null,
  };
}

export function logFile(participants: readonly ParticipantLog[], app: string, now = new Date()): LogFile {
  return {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    exportedAt: now.toISOString(),
    app,
    participants: [...participants],
  };
}
