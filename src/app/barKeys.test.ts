import { describe, expect, it } from 'vitest';
import { barAfterKey } from './barKeys';

describe('barAfterKey', () => {
  it.each([
    ['ArrowRight', 2, 5, 3],
    ['ArrowDown', 2, 5, 3],
    ['ArrowRight', 4, 5, 4],
    ['ArrowRight', null, 5, 0],
    ['ArrowLeft', 2, 5, 1],
    ['ArrowUp', 2, 5, 1],
    ['ArrowLeft', 0, 5, 0],
    ['ArrowLeft', null, 5, 0],
    ['Home', 3, 5, 0],
    ['End', 1, 5, 4],
    ['ArrowRight', null, 0, null],
    ['Enter', 2, 5, null],
    ['a', 2, 5, null],
  ])('%s from bar %s of %s goes to %s', (key, active, count, expected) => {
    expect(barAfterKey(key, active, count)).toBe(expected);
  });
});
