import { describe, expect, it } from 'vitest';
import { drawGroups, formatScaleValue, markBoxes, scaleStops } from './heatmap';
import { heatmapLayout } from './heatmapLayout';

/** Records the drawing calls a canvas context receives (10 px a character for measureText). */
function recorder() {
  const calls: [string, ...unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const g = {
    save: record('save'),
    restore: record('restore'),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    stroke: record('stroke'),
    fillText: record('fillText'),
    measureText: (s: string) => ({ width: s.length * 10 }),
  };
  return { g: g as unknown as CanvasRenderingContext2D, calls };
}

const opts = { maxWidth: 800, rowLabelWidth: 50, colLabelHeight: 60 };

describe('drawGroups', () => {
  it('draws a separator down the cells between groups and labels each group', () => {
    const groups = [
      { label: 'prompt', start: 0, count: 2 },
      { label: 'ref 1 · The Kesh', start: 2, count: 4 },
    ];
    const l = heatmapLayout(8, 6, { ...opts, groups });
    const { g, calls } = recorder();
    drawGroups(g, l);
    const x = l.separators[0];
    expect(calls).toContainEqual(['moveTo', x, l.top - 4]);
    expect(calls).toContainEqual(['lineTo', x, l.top + 8 * l.cellH]);
    expect(calls.filter((c) => c[0] === 'fillText').map((c) => [c[1], c[2]])).toEqual([
      ['prompt', l.left],
      ['ref 1 · The Kesh', l.colX[2]],
    ]);
  });

  it('draws nothing without groups', () => {
    const { g, calls } = recorder();
    drawGroups(g, heatmapLayout(8, 6, opts));
    expect(calls).toEqual([]);
  });
});

describe('scaleStops', () => {
  it.each([
    ['sequential from 0', Float32Array.of(0.1, 0.4, 0.2), 'sequential', 5, [0, 0.1, 0.2, 0.3, 0.4]],
    ['sequential with a negative value', Float32Array.of(-1, 3), 'sequential', 3, [-1, 1, 3]],
    ['diverging, symmetric around 0', Float32Array.of(-0.5, 2), 'diverging', 5, [-2, -1, 0, 1, 2]],
    ['no finite values', Float32Array.of(NaN), 'sequential', 2, [0, 1]],
  ] as const)('%s', (_name, data, scale, count, values) => {
    const stops = scaleStops(data, scale, count);
    expect(stops.map((s) => s.value)).toEqual(values.map((v) => expect.closeTo(v, 6)));
    expect(new Set(stops.map((s) => s.colour)).size).toBe(count);
  });

  it.each([
    [0, '0'],
    [0.123456, '0.123'],
    [-0.5, '-0.500'],
    [123.4, '123'],
  ])('writes %s as %s', (v, text) => expect(formatScaleValue(v)).toBe(text));
});

describe('markBoxes', () => {
  const l = heatmapLayout(8, 6, opts);
  const none = { hoverRow: null, selectedRow: null, playingRow: null, selectedCol: null };
  const band = (row: number, width: number, colour: string) => {
    const h = Math.max(l.cellH, 3);
    return { x: 2, y: l.top + row * l.cellH - (h - l.cellH) / 2, w: l.right - 2, h, width, colour };
  };
  it.each([
    ['nothing marked', none, {}],
    ['the hovered row', { ...none, hoverRow: 3 }, { hoverRow: band(3, 1.5, '#14213d') }],
    [
      'selected and playing rows',
      { ...none, selectedRow: 0, playingRow: 7 },
      {
        selectedRow: band(0, 3, '#e76f51'),
        playingRow: band(7, 3, '#2a9d8f'),
      },
    ],
    [
      'a chosen column, down the cells',
      { ...none, selectedCol: 2 },
      {
        selectedCol: { x: l.colX[2], y: 0, w: l.cellW, h: l.top + 8 * l.cellH, width: 3, colour: '#e76f51' },
      },
    ],
    ['rows and columns outside the map', { hoverRow: 8, selectedRow: -1, playingRow: null, selectedCol: 6 }, {}],
  ])('%s', (_name, marks, shown) => {
    expect(markBoxes(l, marks)).toEqual({
      selectedCol: null,
      playingRow: null,
      selectedRow: null,
      hoverRow: null,
      ...shown,
    });
  });
});
