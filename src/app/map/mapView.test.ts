import { describe, expect, it } from 'vitest';
import { fitCoords, hasNeighbourWithin, pixelPositions, pointTree, stepFrom, toPixel, type Direction } from './mapView';

describe('fitCoords', () => {
  it.each([
    {
      name: 'wide data in a square',
      coords: [-2, 0, 2, 1],
      w: 100,
      h: 100,
      pad: 10,
      corners: [
        [10, 60],
        [90, 40],
      ],
    },
    {
      name: 'tall data in a wide box',
      coords: [0, -1, 1, 1],
      w: 200,
      h: 100,
      pad: 0,
      corners: [
        [75, 100],
        [125, 0],
      ],
    },
  ])('keeps one scale for both axes and centres: $name', ({ coords, w, h, pad, corners }) => {
    const fit = fitCoords(coords, w, h, pad);
    corners.forEach(([px, py], i) => {
      const [x, y] = toPixel(fit, coords[2 * i], coords[2 * i + 1]);
      expect(x).toBeCloseTo(px, 6);
      expect(y).toBeCloseTo(py, 6);
    });
    expect(Array.from(pixelPositions(coords, fit))).toEqual(corners.flat().map((v) => expect.closeTo(v, 4)));
  });

  it('survives a single point', () => {
    const fit = fitCoords([3, 4], 100, 50, 5);
    const [x, y] = toPixel(fit, 3, 4);
    expect([x, y]).toEqual([expect.closeTo(50, 6), expect.closeTo(25, 6)]);
  });
});

describe('hit-testing and stepping', () => {
  // A plus sign of dots around the centre (index 0), with a close pair at the far right.
  const positions = Float32Array.from([50, 50, 30, 50, 70, 50, 50, 20, 50, 80, 90, 50, 91, 50]);
  const tree = pointTree(positions);

  it.each([
    { i: 0, r: 10, near: false },
    { i: 0, r: 20, near: true },
    { i: 5, r: 2, near: true },
    { i: 3, r: 25, near: false },
  ])('dot $i has a neighbour within $r: $near', ({ i, r, near }) => {
    expect(hasNeighbourWithin(tree, positions, i, r)).toBe(near);
  });

  it('finds the nearest dot', () => {
    expect(tree.find(52, 49, 5)).toBe(0);
    expect(tree.find(10, 10, 5)).toBeUndefined();
  });

  it.each<{ from: number; dir: Direction; to: number | null }>([
    { from: 0, dir: 'left', to: 1 },
    { from: 0, dir: 'right', to: 2 },
    { from: 0, dir: 'up', to: 3 },
    { from: 0, dir: 'down', to: 4 },
    { from: 2, dir: 'right', to: 5 },
    { from: 6, dir: 'right', to: null },
    { from: 3, dir: 'up', to: null },
  ])('steps $dir from $from to $to', ({ from, dir, to }) => {
    expect(stepFrom(positions, from, dir)).toBe(to);
  });
});
