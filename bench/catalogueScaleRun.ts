import { spawnSync } from 'node:child_process';
import type { ScaleRow } from './catalogueScale';

export interface CatalogueScale {
  /** Tunes in the shipped catalogue the synthetic ones are grown from. */
  readonly shipped: number;
  /** Whether memory was read after a forced garbage collection. */
  readonly gc: boolean;
  readonly rows: readonly ScaleRow[];
}

export const SCALE_SIZES = [1_000, 10_000, 100_000] as const;

/** Runs bench/catalogueScale.ts in its own Node process, with the collector exposed, and reads its JSON line. */
export function runCatalogueScale(sizes: readonly number[] = SCALE_SIZES): CatalogueScale {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/catalogueScale.ts', '--sizes', sizes.join(','), '--queries', '5'],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 1_800_000 },
  );
  if (r.status !== 0) throw new Error(`bench/catalogueScale.ts failed (exit ${r.status}): ${r.stderr.slice(-500)}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as CatalogueScale;
}
