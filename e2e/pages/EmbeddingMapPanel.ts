import type { Locator, Page } from '@playwright/test';

/** A dot the map reports as clear of others (data-sample), in CSS pixels from the canvas's top left. */
export interface MapSamplePoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** The embedding map panel: the canvas scatter, its colour select and legend, tooltip and zoom controls. */
export class EmbeddingMapPanel {
  readonly root: Locator;
  readonly map: Locator;
  readonly canvas: Locator;
  readonly caption: Locator;
  readonly colour: Locator;
  readonly legend: Locator;
  readonly tooltip: Locator;
  readonly useAsReference: Locator;
  readonly generation: Locator;
  readonly reset: Locator;
  readonly zoomIn: Locator;
  /** The measure whose nearest tunes are ringed, switchable on the map. */
  readonly measure: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('map-panel');
    this.map = this.root.getByTestId('embedding-map');
    this.canvas = this.map.locator('canvas');
    this.caption = this.root.getByText('first two principal components');
    this.colour = this.root.getByTestId('map-colour');
    this.legend = this.root.getByTestId('map-legend');
    this.tooltip = this.root.getByTestId('map-tooltip');
    this.useAsReference = this.tooltip.getByRole('button', { name: 'Use as reference' });
    this.generation = this.root.getByTestId('map-generation');
    this.reset = this.root.getByTestId('map-reset');
    this.zoomIn = this.root.getByRole('button', { name: 'Zoom in' });
    this.measure = this.root.getByRole('combobox', { name: 'Ring the nearest tunes by' });
  }

  async pointCount(): Promise<number> {
    return Number(await this.map.getAttribute('data-point-count'));
  }

  async zoom(): Promise<number> {
    return Number(await this.map.getAttribute('data-zoom'));
  }

  async sample(): Promise<MapSamplePoint[]> {
    return JSON.parse((await this.map.getAttribute('data-sample')) ?? '[]') as MapSamplePoint[];
  }

  /** Page coordinates of a point given in canvas pixels (scrolls the canvas into view first). */
  async pagePoint(x: number, y: number): Promise<{ x: number; y: number }> {
    await this.canvas.scrollIntoViewIfNeeded();
    const box = (await this.canvas.boundingBox())!;
    return { x: box.x + x, y: box.y + y };
  }

  /** Moves the mouse onto a reported dot and returns it. */
  async hoverSample(n = 0): Promise<MapSamplePoint> {
    const point = (await this.sample())[n];
    const at = await this.pagePoint(point.x, point.y);
    await this.page.mouse.move(at.x, at.y);
    return point;
  }

  /** Scrolls the wheel over the middle of the canvas (negative zooms in). */
  async wheel(deltaY: number): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const box = (await this.canvas.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, deltaY);
  }
}
