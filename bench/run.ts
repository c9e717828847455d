/**
 * npm run bench [-- --rebuild] [--no-webgpu] [--repeats N] [--webgpu-tokens N] [--only id,id] [--render]
 *
 * Builds the app when its sources are newer than the last bench build, serves it with server/serve.ts (the
 * server of `npm start`), measures every figure of bench/figures.ts in Chromium (through Playwright) and with
 * onnxruntime-node, and writes bench-results/bench.json (raw figures, machine, load average, server),
 * bench-results/bench.md (the table) and the README's bench section. `--only` measures the named figures
 * alone and writes them to bench-results/tmp/ instead, leaving the published figures as they are. `--render`
 * only rewrites bench.md and the README section from bench.json (after a change to the report's format).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseOptions, runCli } from '../cli/args';
import { FIGURES } from './figures';
import { loadAverage, machineInfo, modelIdentity } from './machine';
import { result, type FigureResult } from './report';
import { placeRuntimeAlonePage } from './runtimeAlone';
import { ensureBuild, startServer } from './server';
import { BenchSession, type BenchOptions } from './session';
import { rerender, writeReport } from './writeReport';

const OUT = 'bench-results';

const round = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(3)) : v);

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2), {
    rebuild: { kind: 'flag' },
    'no-webgpu': { kind: 'flag' },
    repeats: { kind: 'integer', min: 1, max: 10 },
    'webgpu-tokens': { kind: 'integer', min: 1, max: 256 },
    only: { kind: 'string' },
    render: { kind: 'flag' },
  });
  if (o.render) {
    rerender(OUT, 'README.md');
    process.stdout.write(`rewrote ${OUT}/bench.md and the README's bench section from ${OUT}/bench.json\n`);
    return;
  }
  const only = o.only ? new Set(String(o.only).split(',')) : null;
  const unknown = [...(only ?? [])].filter((id) => !FIGURES.some((f) => f.id === id));
  if (unknown.length)
    throw new Error(`no figure named ${unknown.join(', ')}; figures: ${FIGURES.map((f) => f.id).join(', ')}`);
  const options: BenchOptions = {
    repeats: (o.repeats as number | undefined) ?? 3,
    prompt: 'a lively reel in D major',
    maxTokens: 256,
    webgpu: !o['no-webgpu'],
    webgpuTokens: (o['webgpu-tokens'] as number | undefined) ?? 32,
  };
  const loadAtStart = loadAverage();
  const started = Date.now();
  const rebuilt = ensureBuild(Boolean(o.rebuild));
  placeRuntimeAlonePage();
  const server = await startServer();
  const bench = new BenchSession(server, options);
  const rows: FigureResult[] = [];
  try {
    for (const f of FIGURES.filter((x) => !only || only.has(x.id))) {
      if (!f.measure) {
        rows.push(result(f, {}));
        continue;
      }
      process.stdout.write(`${f.id} ... `);
      try {
        const r = await f.measure(bench);
        rows.push(
          'skipped' in r ? result(f, { status: 'skipped', note: r.skipped }) : result(f, { status: 'measured', ...r }),
        );
      } catch (e) {
        rows.push(result(f, { status: 'failed', note: (e as Error).message.split('\n')[0] }));
      }
      const last = rows[rows.length - 1];
      process.stdout.write(`${last.status === 'measured' ? `${last.value?.toFixed(3)} ${last.unit}` : last.status}\n`);
    }
    const chromium = await bench.chromiumVersion();
    const raw = await bench.raw();
    delete raw.browser;
    const loadAtEnd = loadAverage();
    const machine = machineInfo();
    const loads = raw.pageLoads as { modelSha256: string }[] | undefined;
    const model = { ...modelIdentity(), pageReportedSha256: loads?.[0]?.modelSha256 ?? null };
    const json = {
      date: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      machine,
      loadAverage: { start: loadAtStart, end: loadAtEnd, perMeasurement: bench.loadAverages },
      chromium,
      model,
      build: { rebuilt, server: server.name },
      options,
      figures: rows,
      raw,
    };
    const out = only ? `${OUT}/tmp` : OUT;
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}/bench.json`, JSON.stringify(json, round, 1) + '\n');
    writeReport(json, out, only ? null : 'README.md');
    process.stdout.write(`wrote ${out}/bench.json and ${out}/bench.md in ${json.durationS.toFixed(0)} s\n`);
    if (rows.some((r) => r.status === 'failed')) throw new Error('some figures could not be measured (see bench.md)');
  } finally {
    await bench.close();
    server.stop();
  }
}

void runCli(main);
