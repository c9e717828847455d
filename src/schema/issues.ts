/**
 * Words for zod's findings that name the place in the file: "nodes[3].settings.temperature must be a number
 * from 0 to 2". Every reader of a user's file (journals, and whatever else is read in) shares these words, so
 * one file's mistakes read like another's.
 */
import { z } from './zod';

/** What a wrong value was, in words: "an array", "null", "number". */
export const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** `nodes[3].settings.temperature`: keys joined by dots, indexes in brackets. */
export function pathText(path: readonly PropertyKey[], root = 'the file'): string {
  if (path.length === 0) return root;
  return path.reduce<string>((text, key, i) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return i === 0 ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** At most `max` findings, each as "<path> <message>" (a broken file usually repeats one mistake). */
export function issueLines(error: z.ZodError, max = 20, root = 'the file'): string[] {
  return error.issues.slice(0, max).map((issue) => `${pathText(issue.path, root)} ${issue.message}`);
}

/** A number in a range; a missing one says so first. */
export function rangedNumber(min: number, max: number, integer = false) {
  const what = `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
  return z
    .number({ error: (iss) => (iss.input === undefined ? `is missing; it ${what}` : what) })
    .refine((v) => v >= min && v <= max && (!integer || Number.isInteger(v)), { error: what });
}

/** A string, optionally non-empty and bounded. */
export function text(opts: { nonEmpty?: boolean; max?: number } = {}) {
  let s = z.string({
    error: (iss) => (iss.input === undefined ? 'is missing' : `must be a string (found ${kindOf(iss.input)})`),
  });
  if (opts.nonEmpty) s = s.min(1, { error: 'must not be empty' });
  if (opts.max !== undefined) s = s.max(opts.max, { error: `must be at most ${opts.max} characters` });
  return s;
}

/** One of a fixed list of words. */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** A bounded list of strings. */
export const strings = (max: number) =>
  z
    .array(z.string({ error: (iss) => `must be a string (found ${kindOf(iss.input)})` }), {
      error: (iss) => `must be an array of strings (found ${kindOf(iss.input)})`,
    })
    .max(max, { error: (iss) => `must have at most ${max} entries (found ${(iss.input as unknown[]).length})` });

export const flag = () => z.boolean({ error: 'must be true or false' });

/** A string or null, both required to be there. */
export const nullableText = () => z.string({ error: 'must be a string or null' }).nullable();

/** Reads JSON text, turning a syntax error into the same kind of message as a schema finding. */
export function parseJsonText(textIn: string): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: JSON.parse(textIn) };
  } catch (e) {
    return { ok: false, error: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}
