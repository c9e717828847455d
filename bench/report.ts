import type { Figure, Target } from './figures';
import type { Spread } from './stats';

export interface FigureResult {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly target: Target | null;
  readonly status: 'measured' | 'skipped' | 'failed' | 'not measured yet';
  readonly value: number | null;
  readonly spread: Spread | null;
  /** Whether the value meets the target; null without a target or a value. */
  readonly met: boolean | null;
  readonly note: string | null;
}

export const meets = (t: Target, v: number): boolean => (t.op === '<=' ? v <= t.value : v >= t.value);

export function result(f: Figure, outcome: Partial<FigureResult>): FigureResult {
  const value = outcome.value ?? null;
  return {
    id: f.id,
    label: f.label,
    unit: f.unit,
    target: f.target ?? null,
    status: outcome.status ?? 'not measured yet',
    value,
    spread: outcome.spread ?? null,
    met: f.target && value !== null ? meets(f.target, value) : null,
    note: outcome.note ?? null,
  };
}

const DIGITS: Record<string, number> = { MB: 2, s: 3, ms: 2, 'tokens/s': 1, '×': 2 };
const num = (x: number, unit: string) => x.toFixed(DIGITS[unit] ?? 2);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function valueCell(r: FigureResult): string {
  if (r.status !== 'measured' || r.value === null) return r.status;
  const s = r.spread;
  const range = !s
    ? ''
    : s.runs.length > 1
      ? ` (${num(s.min, r.unit)}–${num(s.max, r.unit)}, n=${s.runs.length})`
      : ` (n=1)`;
  return `${num(r.value, r.unit)} ${r.unit}${range}`;
}

const targetCell = (r: FigureResult) =>
  r.target ? `${r.target.op === '<=' ? '≤' : '≥'} ${r.target.value} ${r.unit}` : '—';
const metCell = (r: FigureResult) => (r.met === null ? '—' : r.met ? 'yes' : 'no');

function table(rows: readonly FigureResult[]): string[] {
  return [
    '| Figure | Value: median (min–max, n) | Target | Met? |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.label)} | ${cell(valueCell(r))} | ${targetCell(r)} | ${metCell(r)} |`),
  ];
}

export interface ReportHeader {
  readonly date: string;
  readonly machine: string;
  readonly load: string;
  readonly chromium: string;
  readonly model: string;
  readonly server: string;
  /** Said above the table when the run's timings cannot be taken at face value (an overloaded machine). */
  readonly warning?: string | null;
}

/** bench.md: the measured figures, then the placeholders, then each figure's note. */
export function markdown(h: ReportHeader, rows: readonly FigureResult[]): string {
  const measured = rows.filter((r) => r.status !== 'not measured yet');
  const placeholders = rows.filter((r) => r.status === 'not measured yet');
  const notes = rows.filter((r) => r.note).map((r) => `- **${r.label}**: ${r.note}`);
  return [
    '# Benchmark',
    '',
    'Written by `npm run bench`; raw figures in `bench.json`. Timed figures are the median of repeated runs.',
    `The machine is shared, so timings vary with its load.`,
    '',
    `- Date: ${h.date}`,
    `- Machine: ${h.machine}`,
    `- Load average (1/5/15 min): ${h.load}`,
    `- Chromium: ${h.chromium}`,
    `- Model: ${h.model}`,
    `- Server: ${h.server}`,
    '',
    ...(h.warning ? [`**${h.warning}**`, ''] : []),
    ...table(measured),
    '',
    ...(placeholders.length ? ['## Not measured yet', '', ...table(placeholders), ''] : []),
    '## Notes',
    '',
    ...notes,
    '',
  ].join('\n');
}
