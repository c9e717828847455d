import { describe, expect, it } from 'vitest';
import type { Figure } from './figures';
import { markdown, result } from './report';
import { spread } from './stats';

const figure = (target?: Figure['target']): Figure => ({ id: 'x', label: 'A figure', unit: 'ms', target });
const header = {
  date: 'd',
  machine: 'm',
  load: '1 / 2 / 3 at start',
  chromium: 'c',
  model: 'mo',
  server: 'server/serve.ts',
};

describe('bench report', () => {
  it.each([
    ['met below a ≤ target', { op: '<=', value: 16 }, [10, 12, 20], '12.00 ms (10.00–20.00, n=3)', 'yes'],
    ['missed above a ≤ target', { op: '<=', value: 16 }, [17, 30], '23.50 ms (17.00–30.00, n=2)', 'no'],
    ['one run still says n', { op: '>=', value: 5 }, [6], '6.00 ms (n=1)', 'yes'],
    ['no target, no verdict', undefined, [1, 2, 3], '2.00 ms (1.00–3.00, n=3)', '—'],
  ] as const)('%s', (_, target, runs, value, met) => {
    const s = spread(runs);
    const row = result(figure(target), { status: 'measured', value: s.median, spread: s });
    const table = markdown(header, [row]);
    expect(table).toContain(`| A figure | ${value} |`);
    expect(table).toMatch(new RegExp(`\\| ${met} \\|$`, 'm'));
  });

  it('names the server and the load', () => {
    const table = markdown(header, [result(figure(), {})]);
    expect(table).toContain('- Server: server/serve.ts');
    expect(table).toContain('- Load average (1/5/15 min): 1 / 2 / 3 at start');
    expect(table).toContain('## Not measured yet');
  });
});
