import { describe, expect, it } from 'vitest';
import { drawGroups } from './heatmap';
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
