import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ModelCard } from '../src/runtime/modelTypes';

export interface LoadAverage {
  readonly at: string;
  /** 1, 5 and 15 minute load averages. */
  readonly oneFiveFifteen: readonly number[];
}

export const loadAverage = (): LoadAverage => ({
  at: new Date().toISOString(),
  oneFiveFifteen: loadavg().map((x) => Math.round(x * 100) / 100),
});

export function machineInfo() {
  const list = cpus();
  return {
    cpuModel: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
  };
}

/**
 * The model's identity as the app computes it (modelFiles/engine): SHA-256 over one "name sha256\n" line per
 * file of the model card, so it matches the `modelSha256` the page reports.
 */
export function modelIdentity(dir = join(process.cwd(), 'public/models')) {
  const card = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')) as ModelCard;
  const identity = card.files.map((f) => `${f.name} ${f.sha256}\n`).join('');
  return {
    name: card.name,
    sha256: createHash('sha256').update(identity).digest('hex'),
    files: card.files.map((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 })),
  };
}
