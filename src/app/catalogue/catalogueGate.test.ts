import { describe, expect, it } from 'vitest';
import { gateAction, type GateInputs } from './catalogueGate';

const base: GateInputs = { open: false, modelReady: false, modelFailed: false, generating: false };

describe('gateAction', () => {
  it.each([
    { name: 'model still loading', inputs: {}, action: 'wait' },
    {
      name: 'model ready, no tune being written (none yet, or one done)',
      inputs: { modelReady: true },
      action: 'after-idle',
    },
    { name: 'model ready, a tune being written', inputs: { modelReady: true, generating: true }, action: 'wait' },
    { name: 'model failed to load', inputs: { modelFailed: true }, action: 'now' },
    { name: 'already open', inputs: { open: true, modelReady: true }, action: 'wait' },
  ] as const)('$name: $action', ({ inputs, action }) => {
    expect(gateAction({ ...base, ...inputs })).toBe(action);
  });
});
