import { median } from './stats';
import { LOAD_MARKS, type LoadMark, type ProbeState } from './pageProbe';

const NAMES: Record<LoadMark, string> = {
  worker: 'model worker created',
  backend: 'choosing the backend',
  runtime: 'loading the runtime',
  encoder: 'building the encoder',
  decoder: 'building the decoder',
  'warm-up': 'warm-up',
  files: 'last model file byte',
  loaded: 'model ready',
};

/**
 * Where a page load's time goes: the median time from navigation at which the page heard of each step of the
 * model's load (a stage's name marks its start), in the order they came, in seconds.
 */
export function loadBreakdown(loads: readonly { readonly loadMarks: ProbeState['loadMarks'] }[]): string {
  const steps = LOAD_MARKS.flatMap((mark) => {
    const times = loads.flatMap((l) => (l.loadMarks[mark] === undefined ? [] : [l.loadMarks[mark]]));
    return times.length ? [{ name: NAMES[mark], at: median(times) / 1000, n: times.length }] : [];
  });
  return steps
    .sort((a, b) => a.at - b.at)
    .map((s) => `${s.name} ${s.at.toFixed(2)} s${s.n < loads.length ? ` (${s.n} of ${loads.length} loads)` : ''}`)
    .join(', ');
}
