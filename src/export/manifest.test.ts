import { describe, expect, it } from 'vitest';
import { buildManifest, inferenceConsent, manifestFileName, strictestConsent, trainingConsent } from './manifest';
import { MANIFEST_INPUT, OPEN_TERMS, STRICT_TERMS } from './manifestFixtures';
import { manifestSchema, TRAINED_ALGORITHMIC_MEDIA } from './manifestSchema';
import { PROVENANCE } from './testFixtures';

describe('buildManifest', () => {
  const m = buildManifest(MANIFEST_INPUT);
  const [actions, consent, attribution, hash] = m.assertions;

  it('passes its own schema', () => {
    expect(manifestSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('records the creation by a trained model with the model hash, prompt, seed and settings', () => {
    const created = actions.data.actions[0];
    expect(created.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);
    expect(created.parameters).toMatchObject({
      model: { sha256: 'ab'.repeat(32) },
      prompt: MANIFEST_INPUT.provenance.prompt,
      seed: 42,
      settings: { temperature: 0.9, topK: 40 },
    });
  });

  it('lists each reference as an inputTo ingredient and its claim with credits, terms and shares', () => {
    expect(m.ingredients.map((i) => [i.relationship, i.instance_id])).toEqual([
      ['inputTo', 'apparatus:catalogue:oneills1850-2#bars=1-4'],
      ['inputTo', 'apparatus:catalogue:airdsAirs-book1-0001#bars=3-3'],
      ['inputTo', `apparatus:abc:${'cd'.repeat(32)}#bars=5-8`],
    ]);
    const refs = attribution.data.references;
    expect(refs.map((r) => r.ingredient)).toEqual(m.ingredients.map((i) => i.instance_id));
    expect(refs[0]!.credits).toContain('encoder John Chambers');
    expect(refs[1]!.rights?.terms.royalty).toEqual({ kind: 'share', percent: 20 });
    expect(refs.map((r) => r.shares.ablation)).toEqual([0.7, 0.3, null]);
  });

  it('carries the top-k with its caveat, the copy flag and the hash', () => {
    expect(attribution.data.trainingTopK.caveat).toMatch(/estimate/);
    expect(attribution.data.copyFlag).toBe('close to corpus tune 1234 (0.82)');
    expect(hash.data).toEqual({ alg: 'sha256', hash: 'ef'.repeat(32), name: 'a-lively-jig-42.abc', bytes: 321 });
    expect(m.signature.status).toBe('unsigned');
  });

  it('states consent as the strictest reference sets it, naming that reference', () => {
    expect(consent.data.entries['cawg.ai_training']).toEqual({
      use: 'notAllowed',
      constraint_info: 'Set by the reference "The Ranting Highlandman.": no machine learning',
    });
    expect(consent.data.entries['cawg.ai_inference']).toEqual({
      use: 'constrained',
      constraint_info: 'Set by the reference "The Ranting Highlandman.": at most 4 bars',
    });
  });

  it('refuses attribution that does not line up with the references', () => {
    expect(() => buildManifest({ ...MANIFEST_INPUT, attribution: [] })).toThrow(/0 entries for 3 references/);
  });

  it('works for a tune without references', () => {
    const bare = buildManifest({ ...MANIFEST_INPUT, provenance: PROVENANCE, attribution: [] });
    expect(bare.ingredients).toEqual([]);
    expect(bare.assertions[1].data.entries['cawg.data_mining']?.use).toBe('allowed');
    expect(bare.assertions[2].data.copyFlag).toBeNull();
  });
});

describe('permitted uses', () => {
  it('withholds what a reference withholds, naming it, with the registry notice', () => {
    const uses = buildManifest(MANIFEST_INPUT).assertions[2].data.permittedUses;
    expect(uses.verdicts).toEqual([
      { use: 'personal', allowed: true, withheldBy: [] },
      { use: 'education', allowed: false, withheldBy: ['The Ranting Highlandman.'] },
      { use: 'commercial', allowed: false, withheldBy: ['The Ranting Highlandman.'] },
    ]);
    expect(uses.conditions).toEqual([{ label: 'The Ranting Highlandman.', constraint: 'at most 4 bars' }]);
    expect(uses.notice).toMatch(/Simulated/);
  });
});

describe('strictestConsent', () => {
  const a = { title: 'A', rights: OPEN_TERMS };
  const b = { title: 'B', rights: STRICT_TERMS };
  const none = { title: 'C', rights: null };
  it.each([
    { name: 'no references', refs: [], inference: 'allowed', training: 'allowed' },
    { name: 'open terms', refs: [a], inference: 'allowed', training: 'allowed' },
    { name: 'strict after open', refs: [a, b], inference: 'constrained', training: 'notAllowed' },
    { name: 'unknown terms', refs: [none], inference: 'allowed', training: 'allowed' },
  ] as const)('$name', ({ refs, inference, training }) => {
    expect(strictestConsent(refs, inferenceConsent).use).toBe(inference);
    expect(strictestConsent(refs, trainingConsent).use).toBe(training);
  });
});

it('names the sidecar after the export', () => {
  expect(manifestFileName('tune-1.wav')).toBe('tune-1.wav.c2pa.json');
});
