import { describe, expect, it } from 'vitest';
import { cellCentre, fitLabel, GROUP_BAND_HEIGHT, GROUP_GAP, heatmapLayout, hitTest } from './heatmapLayout';

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

describe('column labels at 45°', () => {
  // The last label starts over its column's centre and runs up and to the right by width / √2.
  const reach = (l: ReturnType<typeof heatmapLayout>, labelWidth: number) =>
    l.colX[l.cols - 1] + l.cellW / 2 + labelWidth * Math.SQRT1_2;

  it.each([
    ['five leave-one-out columns, wide canvas', 5, 96, 900],
    ['one column', 1, 120, 600],
    ['many columns squeezed', 32, 110, 800],
    ['narrow canvas, cells at their minimum', 40, 110, 400],
  ])('%s: the last label ends inside the canvas', (_name, cols, labelWidth, maxWidth) => {
    const l = heatmapLayout(8, cols, { ...opts, maxWidth, colLabelWidth: labelWidth });
    expect(reach(l, labelWidth)).toBeLessThanOrEqual(l.width);
  });

  it('narrows the cells rather than the canvas overflowing when there is room to', () => {
    const l = heatmapLayout(8, 5, { ...opts, maxWidth: 400, colLabelWidth: 100 });
    expect(l.width).toBeLessThanOrEqual(400);
    expect(reach(l, 100)).toBeLessThanOrEqual(l.width);
  });
});

describe('column groups', () => {
  // 2 prompt words, then a reference with a meter/key column and 3 bars.
  const groups = [
    { label: 'prompt', start: 0, count: 2 },
    { label: 'ref 1 · The Kesh', start: 2, count: 4 },
  ];
  const l = heatmapLayout(8, 6, { ...opts, groups });

  it('opens a gap before each later group, with a separator in its middle, and makes room for the labels', () => {
    const plain = heatmapLayout(8, 6, opts);
    expect(l.top).toBe(plain.top + GROUP_BAND_HEIGHT);
    expect(l.colX[1] - l.colX[0]).toBe(l.cellW);
    expect(l.colX[2] - l.colX[1]).toBe(l.cellW + GROUP_GAP);
    expect(l.separators).toEqual([l.colX[2] - GROUP_GAP / 2]);
    expect(l.right).toBe(l.colX[5] + l.cellW);
    expect(l.width).toBe(plain.width + GROUP_GAP);
  });

  it('places each group over its columns', () => {
    expect(l.groups.map(({ label, x, width }) => ({ label, x, width }))).toEqual([
      { label: 'prompt', x: l.left, width: 2 * l.cellW },
      { label: 'ref 1 · The Kesh', x: l.colX[2], width: 4 * l.cellW },
    ]);
    expect(l.groups[0].labelWidth).toBe(l.colX[2] - l.left - 4);
    expect(l.groups[1].labelWidth).toBe(l.width - l.colX[2] - 4);
  });

  it('keeps the cells in a narrow canvas when gaps are added', () => {
    const many = [0, 1, 2, 3].map((k) => ({ label: `g${k}`, start: k * 8, count: 8 }));
    const narrow = heatmapLayout(8, 32, { ...opts, groups: many });
    expect(narrow.width).toBeLessThanOrEqual(opts.maxWidth);
    expect(narrow.separators).toHaveLength(3);
  });

  it.each([
    ['no groups', []],
    ['one group over every column', [{ label: 'prompt', start: 0, count: 6 }]],
  ])('%s: no gaps or separators', (_, gs) => {
    const one = heatmapLayout(8, 6, { ...opts, groups: gs });
    expect(one.separators).toEqual([]);
    expect(one.colX).toEqual(heatmapLayout(8, 6, opts).colX);
    expect(one.groups).toHaveLength(gs.length);
  });

  it('clips groups to the columns and drops empty ones', () => {
    const clipped = heatmapLayout(8, 3, {
      ...opts,
      groups: [
        { label: 'a', start: 0, count: 2 },
        { label: 'b', start: 2, count: 5 },
        { label: 'c', start: 7, count: 1 },
      ],
    });
    expect(clipped.groups.map((g) => [g.label, g.start, g.count])).toEqual([
      ['a', 0, 2],
      ['b', 2, 1],
    ]);
  });

  it('hit-tests across the gap: cells on both sides, nothing in it or on the group labels', () => {
    for (const col of [0, 1, 2, 5]) {
      const c = cellCentre(l, 3, col);
      expect(hitTest(l, c.x, c.y)).toEqual({ area: 'cell', row: 3, col });
      expect(hitTest(l, c.x, l.top - 10)).toEqual({ area: 'col-label', col });
      expect(hitTest(l, c.x, GROUP_BAND_HEIGHT / 2)).toBeNull();
    }
    expect(hitTest(l, l.separators[0], cellCentre(l, 3, 0).y)).toBeNull();
    expect(hitTest(l, l.right + 1, cellCentre(l, 3, 0).y)).toBeNull();
  });
});

describe('fitLabel', () => {
  const measure = (s: string) => s.length * 10; // 10 px a character
  it.each([
    ['prompt', 60, 'prompt'],
    ['ref 1 · The Kesh', 160, 'ref 1 · The Kesh'],
    ['ref 1 · The Kesh', 90, 'ref 1 ·…'], // a space before the … is dropped,
    ['ref 1 · The Kesh', 50, 'ref…'],
    ['prompt', 10, '…'],
    ['prompt', 5, ''],
  ])('%j in %d px -> %j', (text, width, expected) => {
    expect(fitLabel(text, width, measure)).toBe(expected);
  });
});
