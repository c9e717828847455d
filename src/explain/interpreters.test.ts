import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings, type Interpreter, type Settings } from './interpreter';
import { INTERPRETERS } from './interpreters';

const DIMS = { layers: 4, heads: 4 };

describe.each(INTERPRETERS.map((i) => [i.id, i as unknown as Interpreter<unknown, Settings, unknown>]))(
  '%s',
  (_id, interpreter) => {
    it('declares defaults that pass its own checks, and labels and describes the measurement', () => {
      const spec = interpreter.settingsSpec(DIMS);
      const defaults = defaultSettings(spec);
      expect(checkSettings(spec, defaults)).toEqual({ settings: defaults, problems: [] });
      expect(interpreter.label(defaults).length).toBeGreaterThan(10);
      expect(interpreter.description.length).toBeGreaterThan(40);
      expect(`${interpreter.label(defaults)} ${interpreter.description}`).not.toMatch(
        /\b(thinks|believes|wants|understands)\b/,
      );
    });
  },
);

it('has distinct ids', () => {
  expect(new Set(INTERPRETERS.map((i) => i.id)).size).toBe(INTERPRETERS.length);
});
