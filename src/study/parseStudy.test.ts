import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_STUDY_BYTES, formatPath, parseStudy } from './parseStudy';

const example = (name: string) => readFileSync(new URL(`../../public/studies/${name}`, import.meta.url), 'utf8');
const base = () =>
  JSON.parse(example('between-views.json')) as Record<string, unknown> & { conditions: { views: string[] }[] };
const edit = (f: (s: ReturnType<typeof base>) => void) => {
  const s = base();
  f(s);
  return JSON.stringify(s);
};

describe('parseStudy', () => {
  it.each(['between-views.json', 'within-attention-neighbours.json'])('accepts the shipped example %s', (name) => {
    const r = parseStudy(example(name));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it.each([
    ['bad JSON', '{"schema": "apparatus-study/1",', /^not valid JSON: /],
    ['a missing field', edit((s) => delete s.consent), /^consent: missing \(expected object\)$/],
    [
      'an unknown view name',
      edit((s) => (s.conditions[1].views = ['attn'])),
      /^conditions\[1\]\.views\[0\]: unknown value "attn" \(expected one of "attention", /,
    ],
    ['an empty condition list', edit((s) => (s.conditions = [])), /^conditions: needs at least one condition$/],
    ['an oversized file', ' '.repeat(MAX_STUDY_BYTES + 1), /^file is 257 KB; a study file may be at most 256 KB$/],
    [
      'an unknown questionnaire',
      edit((s) => (s.questionnairesAtEnd = ['nope'])),
      /^questionnairesAtEnd\[0\]: unknown questionnaire "nope"$/,
    ],
    [
      'a duplicate condition id',
      edit((s) => (s.conditions = [s.conditions[0], s.conditions[0]])),
      /^conditions\[1\]\.id: duplicate id "A"$/,
    ],
    ['a wrong schema tag', edit((s) => (s.schema = 'other')), /^schema: /],
  ])('names the problem for %s', (_, source, message) => {
    const r = parseStudy(source);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(message);
  });

  it.each([
    [['conditions', 1, 'views', 0], 'conditions[1].views[0]'],
    [['a'], 'a'],
    [[], ''],
  ])('formats the path %j', (path, text) => expect(formatPath(path)).toBe(text));
});
