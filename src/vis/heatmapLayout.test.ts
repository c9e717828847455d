import { describe, expect, it } from 'vitest';
import { cellCentre, heatmapLayout, hitTest } from './heatmapLayout';

const opts = { maxWidth: 800, rowLabelWidth: 50, colLabelHeight: 60 };

describe('heatmap layout', () => {
  it('fits 512 token rows and 32 words in a bounded canvas with thinned row labels', () => {
    const l = heatmapLayout(512, 32, opts);
    expect(l.cellH).toBe(2);
    expect(l.width).toBeLessThanOrEqual(800);
    expect(l.labelEvery).toBe(6);
    expect(l.height).toBeLessThan(l.top + 512 * 2 + 60);
  });

  it('gives small maps readable cells', () => {
    const l = heatmapLayout(8, 5, opts);
    expect(l.cellH).toBe(20);
    expect(l.cellW).toBe(56);
    expect(l.labelEvery).toBe(1);
  });

  it('hit-tests cells, row labels and word labels', () => {
    const l = heatmapLayout(8, 5, opts);
    const c = cellCentre(l, 3, 2);
    expect(hitTest(l, c.x, c.y)).toEqual({ area: 'cell', row: 3, col: 2 });
    expect(hitTest(l, 5, c.y)).toEqual({ area: 'row-label', row: 3 });
    expect(hitTest(l, c.x, 5)).toEqual({ area: 'col-label', col: 2 });
    expect(hitTest(l, 5, 5)).toBeNull();
    expect(hitTest(l, c.x, l.top + 8 * l.cellH + 1)).toBeNull();
  });
});
