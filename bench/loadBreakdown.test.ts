import { describe, expect, it } from 'vitest';
import { loadBreakdown } from './loadBreakdown';

describe('loadBreakdown', () => {
  it.each<[string, Parameters<typeof loadBreakdown>[0], string]>([
    ['no loads', [], ''],
    [
      'steps in the order they came, medians in seconds',
      [
        { loadMarks: { worker: 100, files: 900, runtime: 300, loaded: 1500 } },
        { loadMarks: { worker: 200, files: 700, runtime: 400, loaded: 1300 } },
        { loadMarks: { worker: 150, files: 800, runtime: 350, loaded: 1400 } },
      ],
      'model worker created 0.15 s, loading the runtime 0.35 s, last model file byte 0.80 s, model ready 1.40 s',
    ],
    [
      'a step some loads missed says so',
      [{ loadMarks: { worker: 100, 'warm-up': 1200 } }, { loadMarks: { worker: 300 } }],
      'model worker created 0.20 s, warm-up 1.20 s (1 of 2 loads)',
    ],
  ])('%s', (_, loads, text) => expect(loadBreakdown(loads)).toBe(text));
});
