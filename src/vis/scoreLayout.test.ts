import { describe, expect, it } from 'vitest';
import { NARROW_SCORE_PX, scoreLayout } from './scoreLayout';

describe('scoreLayout', () => {
  it.each([
    ['not laid out yet', 0],
    ['a desktop column', 900],
    ['just wide enough', NARROW_SCORE_PX],
  ])('keeps the wide layout for %s', (_, px) => {
    expect(scoreLayout(px)).toEqual({ scale: 1.4 });
  });

  it.each([[340], [390], [NARROW_SCORE_PX - 1]])('wraps a %s px score at full scale within its width', (px) => {
    const layout = scoreLayout(px);
    expect(layout.scale).toBe(1);
    expect(layout.wrap?.preferredMeasuresPerLine).toBeLessThanOrEqual(2);
    expect(layout.staffwidth! * layout.scale).toBeLessThan(px);
    expect(layout.staffwidth! * layout.scale).toBeGreaterThan(px - 40);
  });
});
