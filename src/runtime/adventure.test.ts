import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './decode';
import { adventureOf, samplingForAdventure } from './adventure';

describe('samplingForAdventure', () => {
  it.each([
    [0, 0.6, 0.85],
    [0.5, 0.9, 0.95],
    [1, 1.2, 1],
    [-1, 0.6, 0.85],
    [2, 1.2, 1],
  ])('%d gives temperature %d, top-p %d', (a, temperature, topP) => {
    expect(samplingForAdventure(a)).toEqual({ temperature, topP });
  });

  it('puts the default settings in the middle of the slider', () => {
    expect(adventureOf(DEFAULT_SETTINGS)).toBe(0.5);
  });

  it.each([0, 0.1, 0.3, 0.7, 1])('reads %d back from the settings it sets', (a) => {
    expect(adventureOf(samplingForAdventure(a))).toBe(a);
  });

  it('is null for settings off the line', () => {
    expect(adventureOf({ temperature: 0.9, topP: 0.5 })).toBeNull();
  });
});
