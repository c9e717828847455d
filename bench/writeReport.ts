import { readFileSync, writeFileSync } from 'node:fs';
import { replaceSection } from '../cli/readmeSection';
import type { LoadAverage } from './machine';
import { markdown, type FigureResult, type ReportHeader } from './report';

/** What bench.json holds that the report is written from. */
export interface BenchJson {
  readonly date: string;
  readonly machine: { cpuModel: string; cores: number; memoryGiB: number; platform: string; node: string };
  readonly loadAverage: { readonly start: LoadAverage; readonly end: LoadAverage };
  readonly chromium: string;
  readonly model: { readonly name: string; readonly sha256: string };
  readonly build: { readonly server: string };
  readonly figures: readonly FigureResult[];
}

/** A warning when more jobs wanted a core than there were cores, at the start or at the end of the run. */
export function overload(json: Pick<BenchJson, 'machine' | 'loadAverage'>): string | null {
  const worst = Math.max(json.loadAverage.start.oneFiveFifteen[0], json.loadAverage.end.oneFiveFifteen[0]);
  if (worst <= json.machine.cores) return null;
  return (
    `The machine was overloaded: a 1-minute load of up to ${worst} on ${json.machine.cores} cores, so each job had ` +
    `about ${Math.max(1, Math.round((100 * json.machine.cores) / worst))}% of a core. Timed figures are inflated by ` +
    `that much; ratios within one run and byte counts hold. Rerun on an idle machine for absolute timings.`
  );
}

export function reportHeader(json: BenchJson): ReportHeader {
  const m = json.machine;
  const { start, end } = json.loadAverage;
  return {
    date: json.date,
    machine: `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}`,
    load: `${start.oneFiveFifteen.join(' / ')} at start, ${end.oneFiveFifteen.join(' / ')} at end`,
    chromium: json.chromium,
    model: `${json.model.name}, identity SHA-256 ${json.model.sha256}`,
    server: json.build.server,
    warning: overload(json),
  };
}

/** Writes bench.md next to bench.json and, when asked, the README's generated bench section. */
export function writeReport(json: BenchJson, dir: string, readme: string | null): void {
  const table = markdown(reportHeader(json), json.figures);
  writeFileSync(`${dir}/bench.md`, table);
  if (readme) replaceSection(readme, 'bench', table.replace(/^# .*\n+/, ''));
}

/** Rewrites the report from an existing bench.json, without measuring again (after a change to the format). */
export function rerender(dir: string, readme: string | null): void {
  writeReport(JSON.parse(readFileSync(`${dir}/bench.json`, 'utf8')) as BenchJson, dir, readme);
}
