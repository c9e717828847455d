import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AFTER_OPEN_MS, installSchedule, LATEST_MS, QUIET_MS } from './installSchedule';

type Event = ['wait', number] | ['settled'] | ['streaming', boolean];

const timers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** Plays the events and returns the time the install started (null: not yet). */
function installedAt(events: readonly Event[]): number | null {
  let at: number | null = null;
  let now = 0;
  const schedule = installSchedule(() => (at ??= now), timers);
  for (const e of events) {
    if (e[0] === 'wait') {
      for (let t = 0; t < e[1]; t += 100) {
        now += 100; // the install reads the time at the end of the slice it fires in
        vi.advanceTimersByTime(100);
      }
    } else if (e[0] === 'settled') schedule.modelSettled();
    else schedule.streaming(e[1]);
  }
  schedule.dispose();
  return at;
}

describe('installSchedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each<[string, Event[], number | null]>([
    ['a page without the model installs after AFTER_OPEN_MS', [['wait', AFTER_OPEN_MS + 1000]], AFTER_OPEN_MS],
    [
      'a ready model and nobody writing: after QUIET_MS',
      [['wait', 1000], ['settled'], ['wait', 10_000]],
      1000 + QUIET_MS,
    ],
    [
      'a tune right after ready: QUIET_MS after it ends',
      [
        ['wait', 1000],
        ['settled'],
        ['wait', 500],
        ['streaming', true],
        ['wait', 2000],
        ['streaming', false],
        ['wait', 10_000],
      ],
      3500 + QUIET_MS,
    ],
    [
      'tunes one after another keep it waiting',
      [
        ['settled'],
        ['streaming', true],
        ['wait', 1000],
        ['streaming', false],
        ['wait', 1000],
        ['streaming', true],
        ['wait', 1000],
        ['streaming', false],
        ['wait', 1000],
        ['streaming', true],
        ['wait', 1000],
        ['streaming', false],
        ['wait', QUIET_MS - 100],
      ],
      null,
    ],
    [
      'a tune being written when the model is ready waits for its end',
      [['streaming', true], ['settled'], ['wait', 8000], ['streaming', false], ['wait', QUIET_MS]],
      8000 + QUIET_MS,
    ],
    [
      'a model still loading at AFTER_OPEN_MS: then, as on a page without it',
      [['wait', AFTER_OPEN_MS + 5000], ['settled'], ['wait', QUIET_MS]],
      AFTER_OPEN_MS,
    ],
    [
      'a model ready before AFTER_OPEN_MS: only pauses count',
      [['settled'], ['streaming', true], ['wait', AFTER_OPEN_MS + 1000], ['streaming', false], ['wait', QUIET_MS]],
      AFTER_OPEN_MS + 1000 + QUIET_MS,
    ],
    [
      'someone writing without a pause: LATEST_MS after ready',
      [['settled'], ['streaming', true], ['wait', LATEST_MS + 1000]],
      LATEST_MS,
    ],
  ])('%s', (_, events, expected) => {
    expect(installedAt(events)).toBe(expected);
  });

  it('installs once, and never after dispose', () => {
    const install = vi.fn();
    const s = installSchedule(install, timers);
    s.modelSettled();
    vi.advanceTimersByTime(LATEST_MS * 2);
    s.streaming(false);
    vi.advanceTimersByTime(LATEST_MS);
    expect(install).toHaveBeenCalledTimes(1);
    const t = installSchedule(install, timers);
    t.dispose();
    vi.advanceTimersByTime(LATEST_MS * 2);
    expect(install).toHaveBeenCalledTimes(1);
  });
});
