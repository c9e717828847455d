import { describe, expect, it } from 'vitest';
import { parseOptions, readOptions, UsageError, type OptionSpec } from './args';

const SPEC: Record<string, OptionSpec> = {
  seed: { kind: 'integer', min: 0, max: 10 },
  temperature: { kind: 'number', min: 0, max: 2 },
  backend: { kind: 'string', choices: ['wasm', 'webgpu'] },
  reference: { kind: 'strings' },
  json: { kind: 'flag' },
};

describe('readOptions', () => {
  it('keeps command-line order, with both value forms', () => {
    expect(readOptions(['--reference', 'a', '--seed=3', '--json', '--reference', 'b'], SPEC)).toEqual([
      { name: 'reference', value: 'a' },
      { name: 'seed', value: 3 },
      { name: 'json', value: true },
      { name: 'reference', value: 'b' },
    ]);
  });

  it.each<[string[], string]>([
    [['--bogus', '1'], 'unknown option --bogus (known: --seed, --temperature, --backend, --reference, --json)'],
    [['-x'], 'unknown option -x (known: --seed, --temperature, --backend, --reference, --json)'],
    [['loose'], 'unexpected argument "loose"'],
    [['--seed'], '--seed needs a value'],
    [['--seed', '--json'], '--seed needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--seed', '1.5'], '--seed must be an integer from 0 to 10; got "1.5"'],
    [['--seed', '11'], '--seed must be from 0 to 10; got 11'],
    [['--temperature', 'hot'], '--temperature must be a number from 0 to 2; got "hot"'],
    [['--backend', 'cuda'], '--backend must be one of wasm, webgpu; got "cuda"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => readOptions(argv, SPEC)).toThrow(new UsageError(message));
  });
});

describe('parseOptions', () => {
  it('keeps the last value, and every value of a repeatable option', () => {
    expect(parseOptions(['--seed', '1', '--seed', '2', '--reference', 'a', '--reference', 'b'], SPEC)).toEqual({
      seed: 2,
      reference: ['a', 'b'],
    });
  });
});
