/** Figures of the interpretation views at scale: attention-map hover, and ranking synthetic catalogues. */
import type { Figure, Reading } from './figures';
import type { BenchSession } from './session';
import type { ScaleRow } from './catalogueScale';
import { median, quantile, spread } from './stats';

const fmt = (x: number, digits = 1) => x.toFixed(digits);

async function hoverP95(bench: BenchSession): Promise<Reading> {
  const r = await bench.heatmapHover();
  const s = spread(r.workMs);
  return {
    value: quantile(r.workMs, 0.95),
    spread: s,
    note:
      `p95 over ${r.workMs.length} pointer moves (Playwright mouse, one cell each) across the map of a ${r.tokens}-token ` +
      `tune, one row per token, ${r.cols} word columns (${r.reachableRows} rows on screen); per move, main-thread ` +
      `time from the mousemove to the app's hover line changing, plus the rendering of the frame that shows it. ` +
      `Median ${fmt(median(r.workMs))} ms, max ${fmt(s.max)} ms. Mousemove to that frame drawn, idle waits for the ` +
      `frame included: median ${fmt(median(r.latencyMs))} ms, p95 ${fmt(quantile(r.latencyMs, 0.95))} ms. Measured ` +
      `once the offline copy was installed and the page quiet; the same moves at once after the tune, while a first ` +
      `visit's background work still ran (offline copy, neighbour indexes): p95 ${fmt(quantile(r.busy.workMs, 0.95))} ` +
      `ms, max ${fmt(Math.max(...r.busy.workMs))} ms`,
  };
}

function slowest(row: ScaleRow): [string, number] {
  return Object.entries(row.queryMs)
    .map(([m, s]) => [m, s.median] as [string, number])
    .sort((a, b) => b[1] - a[1])[0];
}

async function scaleRow(bench: BenchSession, size: number): Promise<Reading> {
  const scale = await bench.catalogueScale();
  const row = scale.rows.find((r) => r.size === size);
  if (!row) throw new Error(`no synthetic catalogue of ${size} tunes was measured`);
  const [measure] = slowest(row);
  const per = Object.entries(row.queryMs)
    .map(([m, s]) => `${m} ${fmt(s.median)} ms (${fmt(s.min)}–${fmt(s.max)})`)
    .join(', ');
  const cpu = Object.entries(row.queryCpuMs)
    .map(([m, s]) => `${m} ${fmt(s.median)} ms`)
    .join(', ');
  const approx = Object.entries(row.approximate)
    .filter(([, a]) => a)
    .map(([m]) => `${m} ${Math.round((row.recallAt10[m as keyof typeof row.recallAt10] ?? NaN) * 100)}%`);
  return {
    value: row.queryMs[measure as keyof typeof row.queryMs].median,
    spread: row.queryMs[measure as keyof typeof row.queryMs],
    note:
      `slowest measure ${measure}; per measure, median (min–max) over ${row.queryMs.text.runs.length} queries: ${per}; ` +
      `CPU time of the process (the work without waits for a core on a shared machine), median: ${cpu}. ` +
      `Node ${process.version} running the neighbour worker's pure functions (bench/catalogueScale.ts), catalogue grown ` +
      `from the ${scale.shipped} shipped tunes with jittered vectors; it added ${fmt(row.memoryMB)} MB of memory ` +
      `(${scale.gc ? 'after garbage collection' : 'without forced garbage collection'}) and took ${fmt(row.buildMs / 1000)} s to build. ` +
      (approx.length
        ? `Approximate index (sketch shortlist, then exact); share of the exact top 10 found: ${approx.join(', ')}`
        : 'Every tune scored exactly'),
  };
}

export const VIEW_FIGURES: readonly Figure[] = [
  {
    id: 'attention-hover-p95',
    label: 'Attention map, 510 × 32 (the longest tune), hover highlight: main-thread time per frame (p95, Chromium)',
    unit: 'ms',
    target: { op: '<=', value: 16 },
    measure: hoverP95,
  },
  ...[1_000, 10_000, 100_000].map((size): Figure => ({
    id: `synthetic-catalogue-${size / 1000}k`,
    label: `Nearest-neighbour query, slowest measure, synthetic ${size.toLocaleString('en')}-tune catalogue (Node)`,
    unit: 'ms',
    ...(size === 100_000 ? { target: { op: '<=' as const, value: 100 } } : {}),
    measure: (b: BenchSession) => scaleRow(b, size),
  })),
];
