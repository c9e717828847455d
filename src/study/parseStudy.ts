import type { z } from '../schema/zod';
import { studySchema, type Study } from './studySchema';
import { pathText } from '../schema/issues';

/** Study files are small; anything larger is a wrong file, refused before it is parsed. */
export const MAX_STUDY_BYTES = 256 * 1024;

export type StudyParse = { ok: true; study: Study } | { ok: false; errors: string[] };

/** `conditions[1].views[0]` from zod's path. */
export const formatPath = (path: readonly PropertyKey[]): string => pathText(path, '');

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path) || '(file)';
  const got = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
  if (issue.code === 'invalid_value') {
    return `${where}: unknown value ${JSON.stringify(got)} (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
  }
  if (issue.code === 'invalid_type' && got === undefined) return `${where}: missing (expected ${issue.expected})`;
  return `${where}: ${issue.message}`;
}

/** Reads a study file's text: size, then JSON, then the schema; every error names where it is. */
export function parseStudy(source: string): StudyParse {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > MAX_STUDY_BYTES)
    return {
      ok: false,
      errors: [`file is ${Math.ceil(bytes / 1024)} KB; a study file may be at most ${MAX_STUDY_BYTES / 1024} KB`],
    };
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  const r = studySchema.safeParse(json);
  if (r.success) return { ok: true, study: r.data };
  return { ok: false, errors: r.error.issues.map((i) => describeIssue(i, json)) };
}
