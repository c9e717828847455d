/**
 * The study file: one JSON document a researcher writes, checked here before anything runs.
 * Types are inferred from the schema so the two never drift apart.
 */
import { z } from '../schema/zod';
import { LOCKABLE_SETTINGS, STUDY_CONTROLS, STUDY_VIEWS } from './views';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'use 1-64 letters, digits, "-" or "_", starting with a letter or digit');
const text = z.string().trim().min(1, 'must not be empty');

const likertItem = z.object({
  type: z.literal('likert'),
  id,
  text,
  /** Number of points on the scale (2-11). */
  points: z.number().int().min(2).max(11),
  /** Words at the two ends of the scale. */
  anchors: z.tuple([text, text]),
  required: z.boolean().default(true),
});

const freeTextItem = z.object({
  type: z.literal('text'),
  id,
  text,
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(10_000).default(2_000),
});

export const questionItemSchema = z.discriminatedUnion('type', [likertItem, freeTextItem]);

/** A questionnaire: written out item by item, or one of the ready templates (SUS, NASA-TLX), or both. */
export const questionnaireSchema = z
  .object({
    id,
    title: text,
    template: z.enum(['sus', 'nasa-tlx']).optional(),
    items: z.array(questionItemSchema).default([]),
  })
  .refine((q) => q.template !== undefined || q.items.length > 0, {
    message: 'needs a template or at least one item',
    path: ['items'],
  });

/** What counts as done: the participant says so, or a number of generations, or a number of notes. */
const doneWhen = z.discriminatedUnion('type', [
  z.object({ type: z.literal('participant-says') }),
  z.object({ type: z.literal('generations'), count: z.number().int().min(1).max(100) }),
  z.object({ type: z.literal('journal-notes'), count: z.number().int().min(1).max(100) }),
]);

export const taskSchema = z.object({
  id,
  title: text,
  instructions: text,
  /** Optional time limit; the task ends when it runs out. */
  timeLimitSeconds: z.number().int().min(10).max(7_200).optional(),
  /** Views this task offers, within those the condition shows; absent: all the condition shows. */
  views: z.array(z.enum(STUDY_VIEWS)).optional(),
  presetPrompt: z.string().max(500).optional(),
  doneWhen: doneWhen.default({ type: 'participant-says' }),
  /** Questionnaire ids to answer after this task. */
  questionnairesAfter: z.array(id).default([]),
});

const lockedSettings = z
  .object(
    Object.fromEntries(LOCKABLE_SETTINGS.map((k) => [k, z.number().optional()])) as {
      [K in (typeof LOCKABLE_SETTINGS)[number]]: z.ZodOptional<z.ZodNumber>;
    },
  )
  .strict();

export const conditionSchema = z.object({
  id,
  label: text,
  views: z.array(z.enum(STUDY_VIEWS)),
  /** Tool panels shown; absent: all of them. */
  controls: z.array(z.enum(STUDY_CONTROLS)).optional(),
  lockedSettings: lockedSettings.default({}),
  presetPrompts: z.array(z.string().max(500)).default([]),
  /** Within-subjects: the tasks this condition covers, in order. Absent: every task. */
  tasks: z.array(id).optional(),
});

const assignment = z.discriminatedUnion('design', [
  /** Each participant sees one condition. */
  z.object({ design: z.literal('between'), seed: z.number().int().default(1) }),
  /** Each participant sees every condition, in an order counterbalanced by a Latin square. */
  z.object({ design: z.literal('within'), seed: z.number().int().default(1) }),
]);

export const studySchema = z
  .object({
    schema: z.literal('apparatus-study/1'),
    id,
    version: text,
    title: text,
    consent: z.object({ title: text, text, agree: text.default('I agree to take part') }),
    /** How the data is handled, shown on the consent page (the researcher's words). */
    dataHandling: text,
    conditions: z.array(conditionSchema).min(1, 'needs at least one condition'),
    assignment,
    tasks: z.array(taskSchema).min(1, 'needs at least one task'),
    questionnaires: z.array(questionnaireSchema).default([]),
    /** Questionnaire ids to answer after the last task. */
    questionnairesAtEnd: z.array(id).default([]),
    debrief: z.object({ title: text, text }),
  })
  .superRefine((s, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((x, i) => {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', message: `duplicate id "${x}"`, path: [path, i, 'id'] });
        seen.add(x);
      });
    };
    unique(
      s.conditions.map((c) => c.id),
      'conditions',
    );
    unique(
      s.tasks.map((t) => t.id),
      'tasks',
    );
    unique(
      s.questionnaires.map((q) => q.id),
      'questionnaires',
    );
    const questionnaires = new Set(s.questionnaires.map((q) => q.id));
    const tasks = new Set(s.tasks.map((t) => t.id));
    s.tasks.forEach((t, i) =>
      t.questionnairesAfter.forEach((q, j) => {
        if (!questionnaires.has(q))
          ctx.addIssue({
            code: 'custom',
            message: `unknown questionnaire "${q}"`,
            path: ['tasks', i, 'questionnairesAfter', j],
          });
      }),
    );
    s.questionnairesAtEnd.forEach((q, j) => {
      if (!questionnaires.has(q))
        ctx.addIssue({ code: 'custom', message: `unknown questionnaire "${q}"`, path: ['questionnairesAtEnd', j] });
    });
    s.conditions.forEach((c, i) =>
      (c.tasks ?? []).forEach((t, j) => {
        if (!tasks.has(t))
          ctx.addIssue({ code: 'custom', message: `unknown task "${t}"`, path: ['conditions', i, 'tasks', j] });
      }),
    );
  });

export type Study = z.infer<typeof studySchema>;
export type StudyCondition = z.infer<typeof conditionSchema>;
export type StudyTask = z.infer<typeof taskSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionItem = z.infer<typeof questionItemSchema>;
