/** The held-out prompt set: its schema, and a load that reports every problem with its path. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MODES } from '../../src/music/key';
import { TYPE_METERS, TUNE_TYPES, type TuneType } from '../../src/music/tuneTypes';

export const HELD_OUT_PROMPTS_PATH = join(process.cwd(), 'cli/eval/heldOutPrompts.json');

const meter = z.string().regex(/^\d{1,2}\/\d{1,2}$/, 'a meter like 6/8');

const askSchema = z
  .strictObject({
    text: z.string().trim().min(1, 'an empty prompt'),
    /** The meters the prompt asks for, stated or implied by its type word; null when neither. */
    meters: z.array(meter).min(1).nullable(),
    meterFrom: z.enum(['stated', 'type']).nullable(),
    tonic: z
      .string()
      .regex(/^[A-G][#b]?$/, 'a tonic like F, F# or Bb')
      .nullable(),
    /** Major when the prompt names only a tonic. */
    mode: z.enum(MODES).nullable(),
    type: z.enum(TUNE_TYPES as [TuneType, ...TuneType[]]).nullable(),
  })
  .superRefine((a, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((a.tonic === null) !== (a.mode === null)) problem('mode', 'tonic and mode are given together or not at all');
    if ((a.meters === null) !== (a.meterFrom === null))
      problem('meterFrom', 'meterFrom is null exactly when meters is null');
    if (a.meterFrom === 'type') {
      const implied = a.type ? TYPE_METERS[a.type] : null;
      if (!implied) problem('meterFrom', `the type ${a.type ?? '(none)'} implies no meter`);
      else if (a.meters?.join() !== implied.join())
        problem('meters', `the type ${a.type} implies ${implied.join(' or ')}`);
    }
    if (a.meterFrom === 'stated' && a.meters?.length !== 1) problem('meters', 'a stated meter is a single meter');
  });

export const promptSetSchema = z
  .strictObject({
    about: z.string(),
    prompts: z.array(askSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.prompts.forEach((p, i) => {
      const text = p.text.toLowerCase();
      const first = seen.get(text);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: ['prompts', i, 'text'], message: `repeats prompts[${first}]` });
      else seen.set(text, i);
    });
  });

export type Ask = z.infer<typeof askSchema>;
export type PromptSet = z.infer<typeof promptSetSchema>;

/** `prompts[3].tonic` from ['prompts', 3, 'tonic']. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('')
    .replace(/^$/, '(top)');
}

/** Checks a parsed JSON value; throws one error listing every problem as `path: message`. */
export function parsePromptSet(value: unknown, source = 'prompt set'): PromptSet {
  const r = promptSetSchema.safeParse(value);
  if (r.success) return r.data;
  const lines = r.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`${source} does not fit its schema:\n${lines.join('\n')}`);
}

export function loadPromptSet(path = HELD_OUT_PROMPTS_PATH): PromptSet {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the prompt set ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  return parsePromptSet(value, path);
}
