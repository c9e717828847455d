import abcjs, { type AbcElem, type TuneObject } from 'abcjs';
import { scoreLayout } from './scoreLayout';

export interface ScoreClick {
  readonly kind: 'note' | 'bar';
  /** The k-th note (rests count) or the k-th bar line of the tune. */
  readonly ordinal: number;
}

interface Drawn {
  readonly abcelem: AbcElem;
  readonly svg: readonly SVGElement[];
}

type VoiceItem = { el_type?: string; abselem?: { elemset?: SVGElement[] } } & AbcElem;

/** Notes and bar lines in the order abcjs drew them. */
function collect(tune: TuneObject): { notes: Drawn[]; bars: Drawn[] } {
  const notes: Drawn[] = [];
  const bars: Drawn[] = [];
  for (const line of tune.lines) {
    for (const staff of (line as { staff?: { voices?: VoiceItem[][] }[] }).staff ?? []) {
      for (const item of staff.voices?.[0] ?? []) {
        const drawn = { abcelem: item, svg: item.abselem?.elemset ?? [] };
        if (item.el_type === 'note') notes.push(drawn);
        else if (item.el_type === 'bar') bars.push(drawn);
      }
    }
  }
  return { notes, bars };
}

/**
 * Draws ABC with abcjs into a node, reports clicks on notes and bar lines by ordinal, and marks notes
 * (selection, playhead) with CSS classes on their SVG elements.
 */
export class ScoreView {
  private notes: Drawn[] = [];
  private bars: Drawn[] = [];
  private marks = new Map<string, readonly number[]>();
  private cursorNotes: readonly number[] = [];

  constructor(
    private readonly node: HTMLElement,
    private readonly onClick: (click: ScoreClick) => void,
  ) {}

  render(abc: string): void {
    const [tune] = abcjs.renderAbc(this.node, abc, {
      ...scoreLayout(this.node.clientWidth),
      add_classes: true,
      responsive: 'resize',
      paddingleft: 0,
      paddingright: 0,
      selectTypes: ['note', 'bar'],
      clickListener: (elem) => this.clicked(elem),
    });
    // selectTypes makes every note and bar line a Tab stop; the score's container is the one stop instead.
    for (const el of this.node.querySelectorAll('svg [tabindex]')) el.removeAttribute('tabindex');
    ({ notes: this.notes, bars: this.bars } = tune ? collect(tune) : { notes: [], bars: [] });
    for (const [cls, ordinals] of this.marks) this.apply(cls, ordinals);
    this.cursor(this.cursorNotes);
  }

  get noteCount(): number {
    return this.notes.length;
  }

  /**
   * Puts `cls` on the given notes (and takes it off all others). Unchanged marks are left alone: a hover
   * re-marks every class of a view, and each class change restyles the score.
   */
  mark(cls: string, ordinals: readonly number[]): void {
    const before = this.marks.get(cls);
    if (before && before.length === ordinals.length && before.every((k, i) => k === ordinals[i])) return;
    this.apply(cls, ordinals);
  }

  private apply(cls: string, ordinals: readonly number[]): void {
    this.marks.set(cls, ordinals);
    for (const el of this.node.querySelectorAll(`.${cls}`)) el.classList.remove(cls);
    for (const k of ordinals) for (const el of this.notes[k]?.svg ?? []) el.classList.add(cls);
  }

  /** Draws the keyboard cursor, a frame around the given notes (a bar); none for an empty list. */
  cursor(ordinals: readonly number[]): void {
    this.cursorNotes = ordinals;
    this.node.querySelector('.ap-cursor')?.remove();
    const boxes = ordinals.flatMap((k) => this.notes[k]?.svg ?? []).map((el) => (el as SVGGraphicsElement).getBBox());
    const svg = this.notes[ordinals[0]]?.svg[0]?.ownerSVGElement;
    if (!svg || !boxes.length) return;
    const pad = 4;
    const left = Math.min(...boxes.map((b) => b.x)) - pad;
    const top = Math.min(...boxes.map((b) => b.y)) - pad;
    const frame = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    frame.setAttribute('class', 'ap-cursor');
    frame.setAttribute('x', String(left));
    frame.setAttribute('y', String(top));
    frame.setAttribute('width', String(Math.max(...boxes.map((b) => b.x + b.width)) + pad - left));
    frame.setAttribute('height', String(Math.max(...boxes.map((b) => b.y + b.height)) + pad - top));
    frame.setAttribute('rx', '4');
    svg.append(frame);
  }

  /** Scrolls the note into view, for the playhead on long tunes. */
  reveal(ordinal: number): void {
    this.notes[ordinal]?.svg[0]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  destroy(): void {
    this.node.replaceChildren();
  }

  private clicked(elem: AbcElem): void {
    const same = (d: Drawn) =>
      d.abcelem === elem || (d.abcelem.startChar === elem.startChar && d.abcelem.el_type === elem.el_type);
    const note = this.notes.findIndex(same);
    if (note >= 0) return this.onClick({ kind: 'note', ordinal: note });
    const bar = this.bars.findIndex(same);
    if (bar >= 0) this.onClick({ kind: 'bar', ordinal: bar });
  }
}
