/**
 * Hover dwell on attention cells, summed per cell between flushes, so the log gets one small event every few
 * seconds instead of one per mouse move.
 */
export interface Cell {
  readonly word: number;
  /** The map's row: a bar when the map groups tokens by bar, a token otherwise. */
  readonly bar: number;
}

export class DwellCounter {
  private current: { cell: Cell; since: number } | null = null;
  private totals = new Map<string, { cell: Cell; ms: number }>();

  /** The pointer is now on `cell` (null: off the map) at time `now` (ms). */
  enter(cell: Cell | null, now: number): void {
    if (this.current && cell && this.current.cell.word === cell.word && this.current.cell.bar === cell.bar) return;
    this.close(now);
    this.current = cell ? { cell, since: now } : null;
  }

  /** The dwell since the last flush, per cell in first-visited order, at least `minMs` each; the count restarts. */
  flush(now: number, minMs = 100): { word: number; bar: number; ms: number }[] {
    const open = this.current?.cell ?? null;
    this.close(now);
    if (open) this.current = { cell: open, since: now };
    const out = [...this.totals.values()]
      .filter((t) => t.ms >= minMs)
      .map((t) => ({ word: t.cell.word, bar: t.cell.bar, ms: Math.round(t.ms) }));
    this.totals.clear();
    return out;
  }

  private close(now: number): void {
    if (!this.current) return;
    const { cell, since } = this.current;
    const key = `${cell.bar}:${cell.word}`;
    const t = this.totals.get(key) ?? { cell, ms: 0 };
    this.totals.set(key, { cell, ms: t.ms + (now - since) });
    this.current = null;
  }
}
