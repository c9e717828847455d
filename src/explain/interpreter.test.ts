import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings, type SettingsSpec } from './interpreter';

type S = { layers: 'mean' | 'one'; layer: number; weight: number; bars: boolean };
const SPEC: SettingsSpec<S> = {
  layers: {
    kind: 'choice',
    label: 'Layers',
    choices: [
      { value: 'mean', label: 'mean' },
      { value: 'one', label: 'one' },
    ],
    default: 'mean',
  },
  layer: { kind: 'integer', label: 'Layer', min: 1, max: 4, default: 1, when: { key: 'layers', is: ['one'] } },
  weight: { kind: 'number', label: 'Weight', min: 0, max: 1, default: 0.5 },
  bars: { kind: 'boolean', label: 'By bar', default: true },
};
const DEFAULTS = { layers: 'mean', layer: 1, weight: 0.5, bars: true };

describe('settings specs', () => {
  it('gives the declared defaults', () => expect(defaultSettings(SPEC)).toEqual(DEFAULTS));

  it.each([
    ['nothing given', {}, DEFAULTS, []],
    [
      'valid values kept',
      { layers: 'one', layer: 4, weight: 0.25, bars: false },
      { layers: 'one', layer: 4, weight: 0.25, bars: false },
      [],
    ],
    ['layer out of range', { layer: 5 }, DEFAULTS, ['layer must be an integer from 1 to 4']],
    ['layer not an integer', { layer: 1.5 }, DEFAULTS, ['layer must be an integer from 1 to 4']],
    ['weight not a number', { weight: 'x' }, DEFAULTS, ['weight must be a number from 0 to 1']],
    ['unknown choice', { layers: 'rollout' }, DEFAULTS, ['layers must be one of mean, one']],
    ['not a boolean', { bars: 'yes' }, DEFAULTS, ['bars must be true or false']],
    ['unknown setting', { colour: 'red' } as Record<string, unknown>, DEFAULTS, ['unknown setting "colour"']],
  ])('%s', (_name, given, settings, problems) => {
    expect(checkSettings(SPEC, given as Partial<Record<keyof S, unknown>>)).toEqual({ settings, problems });
  });
});
