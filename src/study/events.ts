/**
 * The study event log's vocabulary. Every event carries who, where in the study and when (wall clock and a
 * monotonic clock), a per-participant sequence number, and a kind with its payload.
 */
import { z } from '../schema/zod';

const settings = z.record(z.string(), z.unknown());

/** Each kind and its payload. Payloads are plain data: they go to IndexedDB and into exports as they are. */
export const eventBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session-start'), payload: z.object({ resumed: z.boolean(), userAgent: z.string() }) }),
  z.object({ kind: z.literal('consent'), payload: z.object({ agreed: z.literal(true) }) }),
  z.object({
    kind: z.literal('task-start'),
    payload: z.object({ title: z.string(), timeLimitSeconds: z.number().nullable() }),
  }),
  z.object({
    kind: z.literal('task-end'),
    payload: z.object({ reason: z.enum(['done', 'time-up']), elapsedMs: z.number() }),
  }),
  z.object({ kind: z.literal('prompt-edit'), payload: z.object({ text: z.string() }) }),
  z.object({
    kind: z.literal('generate'),
    payload: z.object({ prompt: z.string(), settings, references: z.number() }),
  }),
  z.object({ kind: z.literal('cancel'), payload: z.object({ tokens: z.number() }) }),
  /** A finished generation, stored whole so every tune a participant heard can be heard again. */
  z.object({
    kind: z.literal('tune'),
    payload: z.object({
      tuneId: z.string(),
      prompt: z.string(),
      settings,
      abc: z.string(),
      tokens: z.array(z.string()),
      stopped: z.string(),
      modelSha256: z.string(),
    }),
  }),
  z.object({ kind: z.literal('view-open'), payload: z.object({ view: z.string() }) }),
  z.object({ kind: z.literal('view-settings'), payload: z.object({ view: z.string(), settings }) }),
  /** Time the pointer rested on attention cells, summed per cell since the last dwell event. */
  z.object({
    kind: z.literal('attention-dwell'),
    payload: z.object({ cells: z.array(z.object({ word: z.number(), bar: z.number(), ms: z.number() })) }),
  }),
  z.object({ kind: z.literal('perturbation'), payload: z.object({ mode: z.string(), words: z.array(z.string()) }) }),
  z.object({ kind: z.literal('neighbour-chosen'), payload: z.object({ tuneId: z.string(), measure: z.string() }) }),
  z.object({ kind: z.literal('references-chosen'), payload: z.object({ ids: z.array(z.string()) }) }),
  z.object({ kind: z.literal('playback-start'), payload: z.object({ tuneId: z.string().nullable() }) }),
  z.object({ kind: z.literal('playback-stop'), payload: z.object({ tuneId: z.string().nullable() }) }),
  z.object({ kind: z.literal('export'), payload: z.object({ format: z.string(), tuneId: z.string().nullable() }) }),
  z.object({ kind: z.literal('journal-note'), payload: z.object({ nodeId: z.string(), text: z.string() }) }),
  z.object({
    kind: z.literal('questionnaire-answer'),
    payload: z.object({
      questionnaire: z.string(),
      item: z.string(),
      value: z.union([z.number(), z.string(), z.null()]),
    }),
  }),
  z.object({ kind: z.literal('questionnaire-done'), payload: z.object({ questionnaire: z.string() }) }),
  z.object({ kind: z.literal('storage-warning'), payload: z.object({ message: z.string() }) }),
  z.object({ kind: z.literal('debrief'), payload: z.object({}) }),
]);

/** Where in the study the participant was when the event happened. */
export const eventContextSchema = z.object({
  studyId: z.string(),
  studyVersion: z.string(),
  participant: z.string().min(1),
  condition: z.string(),
  /** The task under way, or null outside tasks (consent, questionnaires at the end, debrief). */
  task: z.string().nullable(),
});

export const studyEventSchema = z.intersection(
  eventContextSchema.extend({
    /** 0, 1, 2, ... per participant in one study: the order of events, and with (study, participant) their key. */
    seq: z.number().int().min(0),
    /** Date.now() when the event happened. */
    wallTime: z.number(),
    /** performance.now() of the page load that made it; comparable only within one `session`. */
    monoTime: z.number(),
    /** One id per page load, so gaps in `monoTime` across reloads are visible. */
    session: z.string(),
  }),
  eventBodySchema,
);

export type EventBody = z.infer<typeof eventBodySchema>;
export type EventKind = EventBody['kind'];
export type EventContext = z.infer<typeof eventContextSchema>;
export type StudyEvent = z.infer<typeof studyEventSchema>;
/** What the page hands the log: the body, and the task it happened in (the log adds the rest). */
export type EventDraft = EventBody & { readonly task?: string | null };

/** The event's key in the store and across exports: one per (study, participant, seq). */
export const eventKey = (e: Pick<StudyEvent, 'studyId' | 'participant' | 'seq'>): string =>
  `${e.studyId}\u0000${e.participant}\u0000${e.seq}`;
