/**
 * Tidy CSV of a study log: one row per event, and one row per questionnaire item. Quoting is d3-dsv's
 * (already installed with d3): a field with a comma, quote or line break is quoted and its quotes doubled,
 * as RFC 4180 asks, so free text from participants survives a spreadsheet or R's read.csv.
 */
import { csvFormatRows } from 'd3';
import type { StudyEvent } from '../events';
import { compareEvents } from '../logCore';

type Cell = string | number | null;

/** Columns shared by both tables, so they join on (study_id, participant, seq). */
const CONTEXT_COLUMNS = ['study_id', 'study_version', 'participant', 'condition', 'task', 'seq'] as const;

export const EVENT_COLUMNS = [
  ...CONTEXT_COLUMNS,
  'session',
  'wall_time',
  'wall_ms',
  'mono_ms',
  'kind',
  'payload',
] as const;

export const QUESTIONNAIRE_COLUMNS = [
  ...CONTEXT_COLUMNS,
  'wall_time',
  'questionnaire',
  'item',
  'value',
  /** How many answers the participant gave this item; the row holds the last. */
  'answers',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

const context = (e: StudyEvent): Cell[] => [e.studyId, e.studyVersion, e.participant, e.condition, e.task, e.seq];

/** Numbers and text as they are; null (no task, no answer) as an empty field. */
const text = (c: Cell): string => (c === null ? '' : String(c));

const table = (header: readonly string[], rows: readonly Cell[][]): string =>
  `${csvFormatRows([[...header], ...rows.map((r) => r.map(text))])}\n`;

/** Every event, in log order (study, participant, sequence), its payload as JSON in one column. */
export function eventsCsv(events: readonly StudyEvent[]): string {
  const rows = [...events]
    .sort(compareEvents)
    .map((e) => [...context(e), e.session, iso(e.wallTime), e.wallTime, e.monoTime, e.kind, JSON.stringify(e.payload)]);
  return table(EVENT_COLUMNS, rows);
}

type Answer = Extract<StudyEvent, { kind: 'questionnaire-answer' }>;

/**
 * One row per (participant, questionnaire, item): the last answer given, and how many were given (a
 * participant who changes an answer leaves several events; the events table keeps them all).
 */
export function questionnaireCsv(events: readonly StudyEvent[]): string {
  const last = new Map<string, { event: Answer; answers: number }>();
  for (const e of [...events].sort(compareEvents)) {
    if (e.kind !== 'questionnaire-answer') continue;
    const key = JSON.stringify([e.studyId, e.participant, e.payload.questionnaire, e.payload.item]);
    last.set(key, { event: e, answers: (last.get(key)?.answers ?? 0) + 1 });
  }
  const rows = [...last.values()].map(({ event: e, answers }) => [
    ...context(e),
    iso(e.wallTime),
    e.payload.questionnaire,
    e.payload.item,
    e.payload.value,
    answers,
  ]);
  return table(QUESTIONNAIRE_COLUMNS, rows);
}
