/**
 * Draws the embedding map into a canvas (thousands of dots are cheaper as pixels than as SVG nodes): the
 * catalogue dots by colour group, then the neighbours ringed with their rank, the generation's marker, and
 * rings on the dot in focus and the one playing. Positions are pre-zoom pixels; `t` is the d3-zoom transform.
 */
import type { ZoomTransform } from 'd3';
import type { ColourGroups } from './mapColour';

export interface MapScene {
  readonly positions: Float32Array;
  readonly colours: ColourGroups;
  readonly neighbours: readonly { readonly index: number; readonly rank: number }[];
  /** Pre-zoom pixels of the generation, or null. */
  readonly generation: readonly [number, number] | null;
  readonly active: number | null;
  readonly playing: number | null;
}

const INK = '#14213d';
const ACTIVE = '#e76f51';
const PLAYING = '#2a9d8f';

/** Dots grow a little when zoomed in, so a zoomed cluster separates visibly. */
export const dotRadius = (k: number): number => Math.min(5, 2.5 + 0.5 * Math.log2(k));

export function drawMap(canvas: HTMLCanvasElement, scene: MapScene, t: ZoomTransform, width: number, height: number) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const dpr = canvas.width / width;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { positions, colours } = scene;
  const r = dotRadius(t.k);
  const at = (i: number): [number, number] => [t.applyX(positions[2 * i]), t.applyY(positions[2 * i + 1])];
  const inside = (x: number, y: number, m: number) => x > -m && x < width + m && y > -m && y < height + m;

  // One path per run of a colour group: drawOrder keeps each group together.
  ctx.globalAlpha = 0.8;
  let group = -1;
  for (const i of colours.drawOrder) {
    if (colours.groupOf[i] !== group) {
      if (group >= 0) ctx.fill();
      group = colours.groupOf[i];
      ctx.fillStyle = colours.groups[group].colour;
      ctx.beginPath();
    }
    const [x, y] = at(i);
    if (!inside(x, y, r)) continue;
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  if (group >= 0) ctx.fill();
  ctx.globalAlpha = 1;

  const ring = (x: number, y: number, radius: number, colour: string, lineWidth: number) => {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.strokeStyle = colour;
    ctx.lineWidth = lineWidth;
    ctx.stroke();
  };
  const label = (text: string, x: number, y: number) => {
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(text, x, y);
    ctx.fillStyle = INK;
    ctx.fillText(text, x, y);
  };

  for (const { index, rank } of scene.neighbours) {
    const [x, y] = at(index);
    if (!inside(x, y, 20)) continue;
    ring(x, y, r + 4, INK, 1.5);
    label(String(rank), x + r + 5, y - r - 3);
  }
  if (scene.playing !== null) ring(...at(scene.playing), r + 6, PLAYING, 3);
  if (scene.active !== null) ring(...at(scene.active), r + 3, ACTIVE, 2);

  if (scene.generation) {
    // A diamond, unlike any catalogue dot, with a white edge to stand out on any colour.
    const x = t.applyX(scene.generation[0]);
    const y = t.applyY(scene.generation[1]);
    const s = 8;
    ctx.beginPath();
    ctx.moveTo(x, y - s);
    ctx.lineTo(x + s, y);
    ctx.lineTo(x, y + s);
    ctx.lineTo(x - s, y);
    ctx.closePath();
    ctx.fillStyle = INK;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.stroke();
    label('generation', x + s + 4, y + 4);
  }
}
