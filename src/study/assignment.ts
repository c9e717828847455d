/**
 * Who sees which condition, in which order. Everything is derived from the participant id and the study's
 * seed, so a reload (or the researcher, later) arrives at the same assignment and the same seeds.
 */
import type { Study } from './studySchema';

export const PARTICIPANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** 32-bit FNV-1a: a stable number from a string (not for security; for spreading ids over rows). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The number in a participant id (`P07` → 7); ids without digits get a stable number from their text. */
export function participantNumber(participant: string): number {
  const digits = participant.match(/(\d+)(?!.*\d)/);
  return digits ? Number(digits[1]) : fnv1a(participant);
}

/**
 * Row `row` of a balanced Latin square over n conditions (Williams design): each condition comes first
 * equally often and follows each other condition equally often. Odd n needs 2n rows; the odd rows reversed.
 */
export function balancedLatinRow(n: number, row: number): number[] {
  const out: number[] = [];
  let up = 0;
  let down = 0;
  for (let i = 0; i < n; i++) {
    const base = i < 2 || i % 2 !== 0 ? up++ : n - ++down;
    out.push((base + row) % n);
  }
  return n % 2 !== 0 && Math.floor(row / n) % 2 !== 0 ? out.reverse() : out;
}

export const latinRows = (n: number): number => (n % 2 === 0 ? n : 2 * n);

export type Assignment =
  { ok: true; conditions: string[]; from: 'url' | 'counterbalanced' } | { ok: false; error: string };

/**
 * The conditions a participant meets, in order. `requested` is the URL's `condition`: one id between
 * subjects, or a comma-separated order within subjects. Without it, participant numbers 1, 2, 3 ... walk
 * through the conditions (between) or the rows of the balanced Latin square (within).
 */
export function assign(study: Study, participant: string, requested: string | null): Assignment {
  if (!PARTICIPANT_PATTERN.test(participant))
    return { ok: false, error: `participant id "${participant}": use 1-32 letters, digits, "-" or "_"` };
  const ids = study.conditions.map((c) => c.id);
  if (requested) {
    const order = requested.split(',').map((s) => s.trim());
    const unknown = order.find((c) => !ids.includes(c));
    if (unknown !== undefined)
      return { ok: false, error: `condition "${unknown}" is not in this study (${ids.join(', ')})` };
    if (study.assignment.design === 'between' && order.length !== 1)
      return { ok: false, error: 'a between-subjects study takes one condition' };
    if (study.assignment.design === 'within' && (order.length !== ids.length || new Set(order).size !== ids.length))
      return { ok: false, error: `a within-subjects order names every condition once (${ids.join(',')})` };
    return { ok: true, conditions: order, from: 'url' };
  }
  const index = participantNumber(participant) - 1 + study.assignment.seed - 1;
  if (study.assignment.design === 'between')
    return { ok: true, conditions: [ids[mod(index, ids.length)]], from: 'counterbalanced' };
  const row = balancedLatinRow(ids.length, mod(index, latinRows(ids.length)));
  return { ok: true, conditions: row.map((i) => ids[i]), from: 'counterbalanced' };
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The seed a participant's generations use in one task: fixed by study seed, participant and task. */
export const seedFor = (study: Study, participant: string, task: string): number =>
  fnv1a(`${study.id}/${study.assignment.seed}/${participant}/${task}`) % 2_147_483_647;

/** A participant's link, for the researcher's list. */
export function participantLink(
  base: string,
  studyId: string,
  participant: string,
  conditions?: readonly string[],
): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('study', studyId);
  url.searchParams.set('participant', participant);
  if (conditions) url.searchParams.set('condition', conditions.join(','));
  return url.href;
}
