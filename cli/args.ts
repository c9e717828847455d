import { parseArgs } from 'node:util';

/** A command-line usage problem. The CLIs print the message and exit with code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** `strings`: a string option that may be given again; its values come back as a list, in order. */
  readonly kind: 'string' | 'strings' | 'number' | 'integer' | 'flag';
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
}

export type ParsedOptions = Record<string, string | string[] | number | boolean | undefined>;

/** One option as given, in command-line order; a flag's value is true. */
export interface GivenOption {
  readonly name: string;
  readonly value: string | number | true;
}

/**
 * Reads `--name value`, `--name=value` and `--flag` options in order with node's parseArgs; rejects unknown
 * names, positionals and bad values with messages that name the option.
 */
export function readOptions(argv: readonly string[], spec: Record<string, OptionSpec>): GivenOption[] {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, { type: s.kind === 'flag' ? 'boolean' : 'string', multiple: true }]),
  ) as Record<string, { type: 'boolean' | 'string'; multiple: true }>;
  let tokens: ReturnType<typeof parseArgs>['tokens'];
  try {
    ({ tokens } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true }));
  } catch (e) {
    throw new UsageError(usageWords(e as Error & { code?: string }, argv, spec));
  }
  const out: GivenOption[] = [];
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const s = spec[t.name];
    if (s.kind === 'flag') {
      if (t.inlineValue) throw new UsageError(`--${t.name} takes no value`);
      out.push({ name: t.name, value: true });
    } else out.push({ name: t.name, value: s.kind === 'strings' ? t.value! : checkValue(t.name, t.value!, s) });
  }
  return out;
}

/** parseArgs's refusals, in the CLIs' words. */
function usageWords(e: Error & { code?: string }, argv: readonly string[], spec: Record<string, OptionSpec>): string {
  const known = Object.keys(spec)
    .map((k) => `--${k}`)
    .join(', ');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = /'(-{1,2}[^'=]*)/.exec(e.message)?.[1] ?? '';
      return `unknown option ${name} (known: ${known})`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /'([^']*)'/.exec(e.message)?.[1] ?? argv.find((a) => !a.startsWith('--')) ?? '';
      return `unexpected argument "${arg}"`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([a-z][a-z-]*)/.exec(e.message)?.[1] ?? '';
      return spec[name]?.kind === 'flag' ? `--${name} takes no value` : `--${name} needs a value`;
    }
    default:
      return e.message;
  }
}

/**
 * Parses options against a spec into one value per name (the last one given), or for `strings` options the
 * list of every value given.
 */
export function parseOptions(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedOptions {
  const out: ParsedOptions = {};
  for (const { name, value } of readOptions(argv, spec)) {
    out[name] = spec[name].kind === 'strings' ? [...((out[name] as string[] | undefined) ?? []), String(value)] : value;
  }
  return out;
}

function checkValue(name: string, value: string, s: OptionSpec): string | number {
  if (s.kind === 'string') {
    if (s.choices && !s.choices.includes(value))
      throw new UsageError(`--${name} must be one of ${s.choices.join(', ')}; got "${value}"`);
    return value;
  }
  const n = Number(value);
  const range = `${s.min ?? '-inf'} to ${s.max ?? 'inf'}`;
  if (value.trim() === '' || !Number.isFinite(n) || (s.kind === 'integer' && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name} must be ${s.kind === 'integer' ? 'an integer' : 'a number'} from ${range}; got "${value}"`,
    );
  }
  if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) {
    throw new UsageError(`--${name} must be from ${range}; got ${value}`);
  }
  return n;
}

/** Runs a CLI body, mapping usage errors to exit code 2 and other failures to exit code 1. */
export async function runCli(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}
