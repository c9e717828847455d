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

/** Reads `--name value`, `--name=value` and `--flag` options in order; rejects unknown names and bad values. */
export function readOptions(argv: readonly string[], spec: Record<string, OptionSpec>): GivenOption[] {
  const out: GivenOption[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const name = m[1];
    const s = spec[name];
    if (!s)
      throw new UsageError(
        `unknown option --${name} (known: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    if (s.kind === 'flag') {
      out.push({ name, value: true });
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    out.push({ name, value: s.kind === 'strings' ? value : checkValue(name, value, s) });
  }
  return out;
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
