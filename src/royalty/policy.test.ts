import { describe, expect, it } from 'vitest';
import { checkPolicy, EXAMPLE_POLICIES, POLICY_MAX_BYTES, readPolicyFile } from './policy';

const good = EXAMPLE_POLICIES.tiers;
const text = (v: unknown) => JSON.stringify(v);

describe('readPolicyFile', () => {
  it.each(Object.values(EXAMPLE_POLICIES))('reads the example "$name"', (p) => {
    expect(readPolicyFile(text(p))).toEqual({ ok: true, policy: p });
  });

  const bad: { name: string; file: string; error: string }[] = [
    {
      name: 'a wrong type',
      file: text({ ...good, fee: '1' }),
      error: 'fee: Invalid input: expected number, received string',
    },
    {
      name: 'a wrong type deep inside',
      file: text({ ...good, rule: { kind: 'tiers', tiers: [{ minShare: 'half', amount: 1 }] } }),
      error: 'rule.tiers[0].minShare: Invalid input: expected number, received string',
    },
    {
      name: 'a missing field',
      file: text({ ...good, name: undefined }),
      error: 'name: Invalid input: expected string, received undefined',
    },
    {
      name: 'a missing rule field',
      file: text({ ...good, rule: { kind: 'split', training: 'even' } }),
      error: 'rule.inferencePart:',
    },
    { name: 'an unknown rule', file: text({ ...good, rule: { kind: 'lottery' } }), error: 'rule.kind:' },
    { name: 'an unknown field', file: text({ ...good, extra: 1 }), error: '"extra"' },
    {
      name: 'a share above 1',
      file: text({ ...good, rule: { kind: 'split', inferencePart: 1.5, training: 'even' } }),
      error: 'rule.inferencePart:',
    },
    {
      name: 'tiers out of order',
      file: text({
        ...good,
        rule: {
          kind: 'tiers',
          tiers: [
            { minShare: 0.5, amount: 1 },
            { minShare: 0.2, amount: 2 },
          ],
        },
      }),
      error: 'rule.tiers: tiers must be in rising order of minShare',
    },
    { name: 'not JSON', file: '{ "name": ', error: 'the file is not JSON' },
    { name: 'not an object', file: '[1, 2]', error: '(the file): Invalid input: expected object, received array' },
  ];
  it.each(bad)('names the field for $name', ({ file, error }) => {
    const r = readPolicyFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(error);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const huge = `{"name":"${'x'.repeat(50_000_000)}"}`;
    const r = readPolicyFile(huge, huge.length);
    expect(r).toEqual({
      ok: false,
      errors: [`the file is 50,000,011 bytes; a policy file holds at most ${POLICY_MAX_BYTES.toLocaleString('en-GB')}`],
    });
  });

  it('measures the size itself when not told', () => {
    const r = readPolicyFile(' '.repeat(POLICY_MAX_BYTES + 1));
    expect(r.ok).toBe(false);
  });
});

describe('checkPolicy', () => {
  it('collects every problem', () => {
    const r = checkPolicy({ format: 'apparatus-royalty-policy', version: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.split(':')[0])).toEqual(['name', 'fee', 'currency', 'rule']);
  });
});
