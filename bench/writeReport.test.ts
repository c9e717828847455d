import { describe, expect, it } from 'vitest';
import { overload, reportHeader, type BenchJson } from './writeReport';
import { markdown } from './report';

const json = (start: number, end: number): BenchJson => ({
  date: '2026-11-30T00:00:00.000Z',
  machine: { cpuModel: 'cpu', cores: 2, memoryGiB: 8, platform: 'linux x64', node: 'v20' },
  loadAverage: {
    start: { at: 'a', oneFiveFifteen: [start, 1, 1] },
    end: { at: 'b', oneFiveFifteen: [end, 1, 1] },
  },
  chromium: '156',
  model: { name: 'm', sha256: 'abc' },
  build: { server: 'server/serve.ts' },
  figures: [],
});

describe('overload', () => {
  it.each([
    [0.5, 1.9, null],
    [2, 2, null],
    [30, 4, /load of up to 30 on 2 cores.*about 7% of a core/],
    [1, 8, /up to 8 on 2 cores.*about 25%/],
  ])('load %d at start, %d at end', (start, end, expected) => {
    const w = overload(json(start, end));
    if (expected === null) expect(w).toBeNull();
    else expect(w).toMatch(expected);
  });

  it('puts the warning above the table, with the server used', () => {
    const table = markdown(reportHeader(json(30, 30)), []);
    expect(table).toMatch(/\*\*The machine was overloaded/);
    expect(table).toContain('- Server: server/serve.ts');
    expect(markdown(reportHeader(json(1, 1)), [])).not.toContain('overloaded');
  });
});
