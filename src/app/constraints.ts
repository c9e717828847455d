import { MODE_WORDS, type Mode } from '../music/key';

const KEY_TOKEN = /^K:([A-G][#b]?)(\w+)$/;

export interface ConstraintOptions {
  readonly meters: readonly string[];
  readonly keys: readonly string[];
  readonly modes: readonly Mode[];
  /** "Dmaj", "Ador", ...: the key and mode pairs the model has a token for. */
  readonly pairs: ReadonlySet<string>;
}

/** The meters, tonics and modes the model can be pinned to: exactly its M: and K: tokens. */
export function constraintOptions(music: readonly string[]): ConstraintOptions {
  const keyTokens = music.map((t) => KEY_TOKEN.exec(t)).filter((m): m is RegExpExecArray => m !== null);
  return {
    meters: music.filter((t) => t.startsWith('M:')).map((t) => t.slice(2)),
    keys: [...new Set(keyTokens.map((m) => m[1]))].sort(),
    modes: [...new Set(keyTokens.map((m) => m[2]))].sort() as Mode[],
    pairs: new Set(keyTokens.map((m) => `${m[1]}${m[2]}`)),
  };
}

/** Why a pinned key and mode cannot be met, or null when they can. */
export function keyModeProblem(options: ConstraintOptions, key: string | null, mode: Mode | null): string | null {
  if (key === null || mode === null || options.pairs.size === 0 || options.pairs.has(`${key}${mode}`)) return null;
  return `The model knows no tune in ${key} ${MODE_WORDS[mode] ?? mode}; choose another key or mode.`;
}
