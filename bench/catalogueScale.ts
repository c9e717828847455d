/**
 * node --expose-gc --import tsx bench/catalogueScale.ts [--sizes 1000,10000,100000] [--queries 5]
 *
 * Ranks synthetic catalogues (bench/syntheticCatalogue.ts) under every measure with the same pure functions the
 * neighbour worker runs, in Node (the same V8 as Chromium, outside a browser), and prints JSON: per size, the
 * query time of each measure (median, min, max), the memory the catalogue added, and for sets with an
 * approximate index how much of the exact top 10 it found. `npm run bench` runs it in a child process.
 */
import { parseOptions, runCli } from '../cli/args';
import {
  DEFAULT_NEIGHBOUR_SETTINGS,
  findNeighbours,
  NEIGHBOUR_MEASURES,
  type NeighbourCatalogue,
  type NeighbourMeasure,
  type NeighbourQuery,
} from '../src/explain/neighbours';
import { readShipped, syntheticCatalogue, type Shipped } from './syntheticCatalogue';
import { spread, type Spread } from './stats';

export interface ScaleRow {
  readonly size: number;
  readonly buildMs: number;
  /** Heap and array buffers added by the catalogue, after garbage collection where Node allows it. */
  readonly memoryMB: number;
  readonly queryMs: Record<NeighbourMeasure, Spread>;
  /** CPU time of the same queries: on a shared machine, the work itself without the waits for a core. */
  readonly queryCpuMs: Record<NeighbourMeasure, Spread>;
  /** Share of the exact top 10 the ranking found, per vector measure (1 when it scores every tune exactly). */
  readonly recallAt10: Partial<Record<NeighbourMeasure, number>>;
  readonly approximate: Partial<Record<NeighbourMeasure, boolean>>;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const used = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Query i is shipped tune i * 97 (mod n): its own vectors, dequantised and un-centred, and its notes. */
function queries(shipped: Shipped, count: number): NeighbourQuery[] {
  const n = shipped.ids.length;
  return Array.from({ length: count }, (_, q) => {
    const t = (q * 97) % n;
    const vector = (name: 'text' | 'music' | 'gradient') => {
      const info = shipped.header.sets[name];
      const bytes = shipped.files[name].slice();
      const scale = new Float32Array(bytes.buffer, 0, n)[t];
      const values = new Int8Array(bytes.buffer, n * 4 + t * info.dim, info.dim);
      return Float32Array.from(values, (v, j) => scale * v + (info.centre?.[j] ?? 0));
    };
    return {
      textEmbedding: vector('text'),
      musicEmbedding: vector('music'),
      gradientSketch: vector('gradient'),
      sequence: shipped.sequences[t],
    };
  });
}

const top10 = (c: NeighbourCatalogue, q: NeighbourQuery, measure: NeighbourMeasure) =>
  findNeighbours({ catalogue: c, query: q }, { ...DEFAULT_NEIGHBOUR_SETTINGS, measure, k: 10 }).neighbours.map(
    (x) => x.index,
  );

export function measureSize(shipped: Shipped, size: number, queryCount: number): ScaleRow {
  const before = used();
  const t0 = performance.now();
  const catalogue = syntheticCatalogue(shipped, size);
  const buildMs = performance.now() - t0;
  const memoryMB = (used() - before) / 1e6;
  const qs = queries(shipped, queryCount);
  const queryMs = {} as Record<NeighbourMeasure, Spread>;
  const queryCpuMs = {} as Record<NeighbourMeasure, Spread>;
  const found: Record<string, NeighbourMeasure[]> = {};
  for (const measure of NEIGHBOUR_MEASURES) {
    top10(catalogue, qs[0], measure); // warm the code up, as the worker is warm after its first ranking
    const cpu: number[] = [];
    const runs = qs.map((q) => {
      const [s, c] = [performance.now(), process.cpuUsage()];
      const list = findNeighbours({ catalogue, query: q }, { ...DEFAULT_NEIGHBOUR_SETTINGS, measure });
      const ms = performance.now() - s;
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (list.unavailable) throw new Error(`${measure}: ${list.unavailable}`);
      return ms;
    });
    queryMs[measure] = spread(runs);
    queryCpuMs[measure] = spread(cpu);
    found[measure] = [];
  }
  const approximate = {
    text: catalogue.text!.coarse !== null,
    music: catalogue.music!.coarse !== null,
    gradient: catalogue.gradient!.coarse !== null,
  };
  const recallAt10: Partial<Record<NeighbourMeasure, number>> = {};
  if (Object.values(approximate).some(Boolean)) {
    const exact = syntheticCatalogue(shipped, size, false);
    for (const m of ['text', 'music', 'gradient'] as const) {
      let hits = 0;
      for (const q of qs) {
        const want = new Set(top10(exact, q, m));
        hits += top10(catalogue, q, m).filter((i) => want.has(i)).length;
      }
      recallAt10[m] = hits / (10 * qs.length);
    }
  }
  return { size, buildMs, memoryMB, queryMs, queryCpuMs, recallAt10, approximate };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), {
    sizes: { kind: 'string' },
    queries: { kind: 'integer', min: 1, max: 50 },
  });
  const sizes = String(o.sizes ?? '1000,10000,100000')
    .split(',')
    .map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes: whole numbers, got ${o.sizes}`);
  const shipped = readShipped();
  const rows = sizes.map((size) => measureSize(shipped, size, (o.queries as number | undefined) ?? 5));
  process.stdout.write(
    `${JSON.stringify({ shipped: shipped.ids.length, gc: Boolean((globalThis as { gc?: unknown }).gc), rows })}\n`,
  );
}

if (process.argv[1]?.endsWith('catalogueScale.ts')) void runCli(main);
