import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS } from '../../journal/journalViews';
import { useViews, type HeldPart } from './viewStore';

describe('holding restored views', () => {
  beforeEach(() => useViews.getState().replace(DEFAULT_VIEWS, true));

  it.each<[HeldPart, Record<HeldPart, boolean>]>([
    ['read', { read: false, compare: true, sweep: true }],
    ['compare', { read: true, compare: false, sweep: true }],
    ['sweep', { read: true, compare: true, sweep: false }],
  ])('releasing %s lets only that part run', (part, held) => {
    useViews.getState().release(part);
    expect(useViews.getState().held).toEqual(held);
  });

  it('views put on show by the user are not held', () => {
    useViews.getState().replace(DEFAULT_VIEWS);
    expect(useViews.getState().held).toEqual({ read: false, compare: false, sweep: false });
  });
});
