/**
 * Ready questionnaires a study can name by template: the System Usability Scale (Brooke, 1996) and the
 * NASA Task Load Index's six subscales (Hart & Staveland, 1988), raw (unweighted) as most HCI studies use it.
 */
import type { QuestionItem, Questionnaire } from './studySchema';

const likert = (id: string, text: string, points: number, anchors: [string, string]): QuestionItem => ({
  type: 'likert',
  id,
  text,
  points,
  anchors,
  required: true,
});

const SUS_STATEMENTS = [
  'I think that I would like to use this system frequently.',
  'I found the system unnecessarily complex.',
  'I thought the system was easy to use.',
  'I think that I would need the support of a technical person to be able to use this system.',
  'I found the various functions in this system were well integrated.',
  'I thought there was too much inconsistency in this system.',
  'I would imagine that most people would learn to use this system very quickly.',
  'I found the system very cumbersome to use.',
  'I felt very confident using the system.',
  'I needed to learn a lot of things before I could get going with this system.',
];

export const SUS_ITEMS: readonly QuestionItem[] = SUS_STATEMENTS.map((t, i) =>
  likert(`sus${i + 1}`, t, 5, ['Strongly disagree', 'Strongly agree']),
);

const TLX_SCALES: [string, string, [string, string]][] = [
  ['mental', 'Mental demand: how mentally demanding was the task?', ['Very low', 'Very high']],
  ['physical', 'Physical demand: how physically demanding was the task?', ['Very low', 'Very high']],
  ['temporal', 'Temporal demand: how hurried or rushed was the pace of the task?', ['Very low', 'Very high']],
  [
    'performance',
    'Performance: how successful were you in accomplishing what you were asked to do?',
    ['Perfect', 'Failure'],
  ],
  [
    'effort',
    'Effort: how hard did you have to work to accomplish your level of performance?',
    ['Very low', 'Very high'],
  ],
  [
    'frustration',
    'Frustration: how insecure, discouraged, irritated, stressed and annoyed were you?',
    ['Very low', 'Very high'],
  ],
];

/** 21 points, as on the paper form (0 to 100 in steps of 5). */
export const TLX_ITEMS: readonly QuestionItem[] = TLX_SCALES.map(([id, text, anchors]) =>
  likert(`tlx-${id}`, text, 21, anchors),
);

/** A questionnaire's items: its template's first, then its own. */
export function itemsOf(q: Questionnaire): readonly QuestionItem[] {
  const template = q.template === 'sus' ? SUS_ITEMS : q.template === 'nasa-tlx' ? TLX_ITEMS : [];
  return [...template, ...q.items];
}

/** The SUS score (0-100) from the ten answers (1-5, in item order); null while any is missing. */
export function susScore(answers: readonly (number | null | undefined)[]): number | null {
  if (answers.length !== 10 || answers.some((a) => typeof a !== 'number')) return null;
  const sum = (answers as number[]).reduce((s, a, i) => s + (i % 2 === 0 ? a - 1 : 5 - a), 0);
  return sum * 2.5;
}

/** Raw TLX (0-100): the mean of the six subscales, each answer 1-21 read as 0-100 in steps of 5. */
export function rawTlx(answers: readonly (number | null | undefined)[]): number | null {
  if (answers.length !== 6 || answers.some((a) => typeof a !== 'number')) return null;
  return (answers as number[]).reduce((s, a) => s + (a - 1) * 5, 0) / 6;
}
