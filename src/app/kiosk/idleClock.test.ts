import { describe, expect, it } from 'vitest';
import { idlePhase, type IdlePhase } from './idleClock';

const config = { idleSeconds: 60, warningSeconds: 10 };

describe('idlePhase', () => {
  it.each<[string, number, IdlePhase]>([
    ['just touched', 0, { kind: 'active' }],
    ['a moment before the countdown', 59_999, { kind: 'active' }],
    ['the countdown starts with its whole length', 60_000, { kind: 'warning', secondsLeft: 10 }],
    ['part way, rounded up', 64_500, { kind: 'warning', secondsLeft: 6 }],
    ['the last moment', 69_999, { kind: 'warning', secondsLeft: 1 }],
    ['time is up', 70_000, { kind: 'reset' }],
    ['long after', 500_000, { kind: 'reset' }],
  ])('%s', (_, idleMs, phase) => {
    expect(idlePhase(1_000_000 + idleMs, 1_000_000, config)).toEqual(phase);
  });
});
