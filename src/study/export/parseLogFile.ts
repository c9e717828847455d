/** Reads a study log export's text: JSON, then the schema; every problem names its path. */
import { formatPath } from '../parseStudy';
import { logFileSchema, type LogFile } from './logFile';

export type LogParse = { ok: true; file: LogFile } | { ok: false; errors: string[] };

/** A broken file usually repeats one mistake: list the first few. */
const MAX_ERRORS = 10;

export function parseLogFile(text: string): LogParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  const r = logFileSchema.safeParse(json);
  if (r.success) return { ok: true, file: r.data };
  const errors = r.error.issues.slice(0, MAX_ERRORS).map((i) => `${formatPath(i.path) || '(file)'}: ${i.message}`);
  const more = r.error.issues.length - errors.length;
  return { ok: false, errors: more > 0 ? [...errors, `and ${more} more problems`] : errors };
}
