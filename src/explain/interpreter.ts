/**
 * The contract every interpretation method shares (after LIT's `Interpreter`): an id, a description of the
 * method, the settings it takes (declared, so a panel can show and edit them), a label that names the
 * measurement under given settings, and a pure `run`. No DOM, no ORT: inputs and outputs are typed arrays
 * and plain objects, so the same method runs in the worker, in Node tests and in the CLI.
 */

/** A setting value: a choice is a string, a count or weight a number, a switch a boolean. */
export type SettingValue = string | number | boolean;
export type Settings = Readonly<Record<string, SettingValue>>;

interface FieldBase {
  /** Short name for the control, e.g. "Layer". */
  readonly label: string;
  /** One sentence on what the setting changes in the measurement. */
  readonly help?: string;
  /** Shown (and used) only when another setting has one of the given values, e.g. layer when layers = 'one'. */
  readonly when?: { readonly key: string; readonly is: readonly SettingValue[] };
}

export interface ChoiceField<V extends string = string> extends FieldBase {
  readonly kind: 'choice';
  readonly choices: readonly { readonly value: V; readonly label: string }[];
  readonly default: V;
}
export interface NumberField extends FieldBase {
  readonly kind: 'integer' | 'number';
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly default: number;
}
export interface BooleanField extends FieldBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}
export type SettingField = ChoiceField | NumberField | BooleanField;

/** The field that declares a setting of type V. */
export type FieldFor<V> = [V] extends [boolean]
  ? BooleanField
  : [V] extends [number]
    ? NumberField
    : [V] extends [string]
      ? ChoiceField<V>
      : never;

/** One declared field per setting, in display order. */
export type SettingsSpec<S extends Settings> = { readonly [K in keyof S]: FieldFor<S[K]> };

/** What a spec may depend on: the model's shape (a layer control needs the number of layers). */
export interface ModelDims {
  readonly layers: number;
  readonly heads: number;
}

export interface Interpreter<I, S extends Settings, O> {
  readonly id: string;
  /** What the method computes and what it leaves out, in plain words, for the panel's "method" note. */
  readonly description: string;
  settingsSpec(dims: ModelDims): SettingsSpec<S>;
  /** Names the measurement, e.g. "mean cross-attention, layer 3, all heads"; never a claim about the model's mind. */
  label(settings: S): string;
  run(input: I, settings: S): O;
}

/** The defaults a spec declares. */
export function defaultSettings<S extends Settings>(spec: SettingsSpec<S>): S {
  const out: Record<string, SettingValue> = {};
  for (const [key, field] of Object.entries(spec) as [string, SettingField][]) out[key] = field.default;
  return out as S;
}

/**
 * Checks settings against a spec and fills what is missing with defaults. Problems come back as values
 * (one message per bad field, naming it and its allowed range or choices), never as exceptions.
 */
export function checkSettings<S extends Settings>(
  spec: SettingsSpec<S>,
  given: Partial<Record<keyof S, unknown>>,
): { settings: S; problems: string[] } {
  const settings: Record<string, SettingValue> = {};
  const problems: string[] = [];
  for (const [key, field] of Object.entries(spec) as [string, SettingField][]) {
    const value = (given as Record<string, unknown>)[key];
    if (value === undefined) {
      settings[key] = field.default;
      continue;
    }
    const problem = fieldProblem(key, field, value);
    if (problem) problems.push(problem);
    settings[key] = problem ? field.default : (value as SettingValue);
  }
  for (const key of Object.keys(given)) if (!(key in spec)) problems.push(`unknown setting "${key}"`);
  return { settings: settings as S, problems };
}

function fieldProblem(key: string, field: SettingField, value: unknown): string | null {
  switch (field.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `${key} must be true or false`;
    case 'choice':
      return field.choices.some((c) => c.value === value)
        ? null
        : `${key} must be one of ${field.choices.map((c) => c.value).join(', ')}`;
    default: {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (field.kind === 'number' || Number.isInteger(value)) &&
        value >= field.min &&
        value <= field.max;
      return ok
        ? null
        : `${key} must be ${field.kind === 'integer' ? 'an integer' : 'a number'} from ${field.min} to ${field.max}`;
    }
  }
}
