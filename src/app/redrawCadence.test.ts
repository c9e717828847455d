import { describe, expect, it } from 'vitest';
import { MIN_REDRAW_GAP_MS, REDRAW_SHARE_INVERSE, redrawGapMs, redrawWaitMs } from './redrawCadence';

describe('redrawGapMs', () => {
  it.each<[string, number, number]>([
    ['a cheap redraw waits the shortest gap', 3, MIN_REDRAW_GAP_MS],
    ['no cost measured yet', 0, MIN_REDRAW_GAP_MS],
    ['a costly redraw keeps the share', 40, 40 * REDRAW_SHARE_INVERSE],
    ['a cost at the threshold', MIN_REDRAW_GAP_MS / REDRAW_SHARE_INVERSE, MIN_REDRAW_GAP_MS],
    ['a nonsense cost counts as none', Number.NaN, MIN_REDRAW_GAP_MS],
    ['a negative cost counts as none', -5, MIN_REDRAW_GAP_MS],
  ])('%s', (_, cost, gap) => expect(redrawGapMs(cost)).toBe(gap));
});

describe('redrawWaitMs', () => {
  it.each<[string, number, number | null, number, number]>([
    ['the first redraw of a tune is at once', 1000, null, 0, 0],
    ['just after a redraw: the whole gap', 1000, 1000, 5, MIN_REDRAW_GAP_MS],
    ['part of the gap gone', 1060, 1000, 5, MIN_REDRAW_GAP_MS - 60],
    ['the gap over: at once', 1200, 1000, 5, 0],
    ['a costly redraw stretches the gap', 1100, 1000, 50, 50 * REDRAW_SHARE_INVERSE - 100],
  ])('%s', (_, now, at, cost, wait) => expect(redrawWaitMs(now, at, cost)).toBe(wait));
});
