import type { Locator, Page } from '@playwright/test';

export type ViewTabName =
  'Cross-attention map' | 'Prompt perturbation' | 'Guidance sweep' | 'Attention vs occlusion' | 'Journal';

/** The interpretation views: tabs, and one locator set per view. */
export class ViewsPanel {
  readonly root: Locator;
  readonly attention: AttentionView;
  readonly perturbation: PerturbationView;
  readonly diffraction: Locator;
  readonly sweep: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('views-panel');
    this.attention = new AttentionView(this.root.getByTestId('attention-view'));
    this.perturbation = new PerturbationView(this.root.getByTestId('perturbation-view'));
    this.diffraction = this.root.getByTestId('diffraction-view');
    this.sweep = this.root.getByTestId('sweep-view');
  }

  tab(name: ViewTabName): Locator {
    return this.root.getByRole('tab', { name });
  }

  async open(tab: ViewTabName): Promise<void> {
    await this.root.getByRole('tab', { name: tab }).click();
  }

  /** Attention vs occlusion: the rank distance from which words are flagged, and the flagged words. */
  get rankDistance(): Locator {
    return this.diffraction.getByLabel('Flag words ranked this many places apart or more');
  }
  get disagreements(): Locator {
    return this.diffraction.getByTestId('diffraction-disagreements').getByRole('listitem');
  }

  /** The guidance sweep's card for one value, e.g. sweepCard('3'). */
  sweepCard(guidance: string): Locator {
    return this.sweep
      .getByTestId('sweep-card')
      .filter({ has: this.page.getByRole('heading', { name: `guidance ${guidance}`, exact: true }) });
  }
}

export class AttentionView {
  readonly map: Locator;
  readonly label: Locator;
  readonly score: Locator;
  readonly notes: Locator;
  readonly hovered: Locator;
  readonly selectedNotes: Locator;
  readonly colouredNotes: Locator;
  readonly selected: Locator;
  readonly hoverText: Locator;
  readonly colouring: Locator;
  readonly settings: Locator;
  readonly emptyPrompt: Locator;
  readonly unknown: Locator;
  /** The line naming the references the tune was read with (absent without references). */
  readonly references: Locator;
  /** The map's colour scale and the values along it. */
  readonly legend: Locator;
  readonly legendValues: Locator;

  constructor(readonly root: Locator) {
    this.map = root.getByTestId('attention-map');
    this.label = root.getByTestId('attention-label');
    this.score = root.getByTestId('attention-score');
    this.notes = this.score.locator('svg .abcjs-note');
    this.hovered = this.score.locator('svg .abcjs-note.ap-hover');
    this.selectedNotes = this.score.locator('svg .abcjs-note.ap-selected');
    this.colouredNotes = this.score.locator(
      'svg .abcjs-note:is(.ap-att-0, .ap-att-1, .ap-att-2, .ap-att-3, .ap-att-4)',
    );
    this.selected = root.getByTestId('attention-selected');
    this.hoverText = root.getByTestId('attention-hover');
    this.colouring = root.getByTestId('attention-colouring');
    this.settings = root.getByRole('group', { name: 'Attention settings' });
    this.emptyPrompt = root.getByTestId('attention-empty-prompt');
    this.unknown = root.getByTestId('attention-unknown');
    this.references = root.getByTestId('attention-references');
    this.legend = root.getByTestId('attention-legend');
    this.legendValues = this.legend.getByTestId('legend-value');
  }

  wordButton(word: string): Locator {
    return this.root.getByRole('group', { name: 'Colour the notes by attention to a word' }).getByRole('button', {
      name: word,
    });
  }

  /** The centre of a map row, from the geometry the map publishes on its element. */
  private async rowPoint(row: number): Promise<{ x: number; y: number }> {
    const d = await this.map.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    return { x: Number(d.left) + Number(d.cellW) / 2, y: Number(d.top) + (row + 0.5) * Number(d.cellH) };
  }

  async hoverRow(row: number): Promise<void> {
    await this.map.hover({ position: await this.rowPoint(row) });
  }

  async clickRow(row: number): Promise<void> {
    await this.map.click({ position: await this.rowPoint(row) });
  }

  /** Clicks a note of the linked score (abcjs listens on the SVG, so the click is forced through). */
  async clickNote(note: Locator): Promise<void> {
    await note.click({ force: true });
  }
}

export class PerturbationView {
  readonly readButton: Locator;
  readonly rows: Locator;
  readonly base: Locator;
  readonly problem: Locator;
  readonly note: Locator;
  readonly unknown: Locator;
  readonly ab: Locator;
  readonly changedBars: Locator;
  readonly scoreA: Locator;
  readonly scoreB: Locator;
  readonly summary: Locator;
  /** Shown when a reopened journal node's reading waits for the user. */
  readonly held: Locator;
  readonly abHeld: Locator;
  readonly writeB: Locator;

  constructor(readonly root: Locator) {
    this.readButton = root.getByRole('button', { name: 'Read the change in likelihood' });
    this.rows = root.getByTestId('likelihood-row');
    this.base = root.getByTestId('likelihood-base');
    this.problem = root.getByTestId('perturbation-problem');
    this.note = root.getByTestId('perturbation-note');
    this.unknown = root.getByTestId('perturbation-unknown');
    this.ab = root.getByTestId('ab-compare');
    this.changedBars = this.ab.getByTestId('ab-changed-bars');
    this.scoreA = this.ab.getByTestId('ab-score-a');
    this.scoreB = this.ab.getByTestId('ab-score-b');
    this.summary = this.ab.getByTestId('ab-summary');
    this.held = root.getByTestId('perturbation-held');
    this.abHeld = this.ab.getByTestId('ab-held');
    this.writeB = this.abHeld.getByRole('button', { name: 'Write B again' });
  }

  mode(label: 'Leave one word out (each word in turn)' | 'Replace a word' | 'Reorder the words'): Locator {
    return this.root.getByRole('radio', { name: label });
  }

  regenerate(description: string): Locator {
    return this.root.getByRole('button', { name: `Regenerate ${description}`, exact: true });
  }
}
