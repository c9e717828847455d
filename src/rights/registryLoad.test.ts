import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN, validRegistry } from './registryFixtures';
import { formatPath, knownTunes, MAX_REGISTRY_BYTES, parseRegistry } from './registryLoad';

type Edit = (r: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const withEdit = (edit: Edit): string => {
  const r = structuredClone(validRegistry()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  edit(r);
  return JSON.stringify(r);
};

describe('parseRegistry', () => {
  it('accepts a valid registry', () => {
    const result = parseRegistry(JSON.stringify(validRegistry()), KNOWN);
    expect(result.ok).toBe(true);
  });

  it.each<[string, Edit, string]>([
    [
      'a wrong type',
      (r) => (r.collections[0].terms.outputUses.commercial = 'yes'),
      'collections[0].terms.outputUses.commercial: expected boolean, received string',
    ],
    ['a wrong type at the top', (r) => (r.tunes = {}), 'tunes: expected array, received object'],
    [
      'a missing field',
      (r) => delete r.collections[1].terms.rightsHolder,
      'collections[1].terms.rightsHolder: is missing',
    ],
    [
      'a missing reason',
      (r) => delete r.tunes[0].terms.reference.reason,
      'tunes[0].terms.reference.reason: is missing',
    ],
    ['an unknown consent', (r) => (r.defaults.reference.consent = 'maybe'), 'defaults.reference.consent:'],
    ['an unknown field', (r) => (r.defaults.extra = 1), 'defaults: has unknown field "extra"'],
    ['an empty credits list', (r) => (r.defaults.credits = []), 'defaults.credits: must name at least one credit'],
    [
      'a bad currency',
      (r) => (r.defaults.royalty = { kind: 'per-use', amount: 1, currency: 'euro' }),
      'defaults.royalty.currency: must be a three-letter currency code',
    ],
    ['an empty tune override', (r) => (r.tunes[1].terms = {}), 'tunes[1].terms: must set at least one field'],
    [
      'an unknown tune id',
      (r) => (r.tunes[1].tune = 'oneills1850-99999'),
      'tunes[1].tune: unknown tune id "oneills1850-99999" (not in the catalogue)',
    ],
    [
      'an unknown collection',
      (r) => (r.collections[1].collection = 'essen'),
      'collections[1].collection: unknown collection "essen"',
    ],
    [
      'a tune listed twice',
      (r) => (r.tunes[1].tune = r.tunes[0].tune),
      'tunes[1].tune: "airdsAirs-book1-0002" is listed twice',
    ],
    ['another format', (r) => (r.format = 'something-else'), 'format:'],
    ['another version', (r) => (r.version = 2), 'version:'],
  ])('refuses %s, naming the field and path', (_, edit, message) => {
    const result = parseRegistry(withEdit(edit), KNOWN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });

  it('refuses text that is not JSON', () => {
    const result = parseRegistry('{"format": ', KNOWN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^The registry file is not valid JSON/);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const big = `{"pad":"${'x'.repeat(50_000_000 - 11)}"}`;
    const result = parseRegistry(big, KNOWN);
    expect(result).toEqual({
      ok: false,
      errors: ['The registry file is 50.0 MB, more than the 5.0 MB this app reads.'],
    });
  });

  it('counts bytes, not characters, against the cap', () => {
    const justOver = `"${'é'.repeat(MAX_REGISTRY_BYTES / 2)}"`;
    expect(parseRegistry(justOver, KNOWN).ok).toBe(false);
    if (!parseRegistry(justOver, KNOWN).ok) expect(justOver.length).toBeLessThan(MAX_REGISTRY_BYTES);
  });

  it('uses the size it is given (a File.size) over the text', () => {
    const result = parseRegistry(JSON.stringify(validRegistry()), KNOWN, 60_000_000);
    expect(result.ok).toBe(false);
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '(the file)'],
    [['defaults'], 'defaults'],
    [['collections', 1, 'terms', 'reference'], 'collections[1].terms.reference'],
    [['tunes', 0], 'tunes[0]'],
  ])('%j reads %s', (path, text) => expect(formatPath(path)).toBe(text));
});

describe('the shipped demo registry', () => {
  const catalogue = JSON.parse(readFileSync('public/corpus/catalogue.json', 'utf8')) as { entries: { id: string }[] };
  const text = readFileSync('public/rights/registry.json', 'utf8');
  const result = parseRegistry(text, knownTunes(catalogue.entries.map((e) => e.id)));

  it('is valid against the catalogue', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('says its terms are simulated', () => {
    expect(result.ok && result.registry.simulated).toBe(true);
    expect(result.ok && result.registry.notice).toMatch(/simulated/i);
    expect(result.ok && result.registry.notice).toMatch(/public domain/i);
  });

  it('covers every collection of the catalogue', () => {
    const collections = new Set(catalogue.entries.map((e) => e.id.split('-')[0]));
    expect(result.ok && new Set(result.registry.collections.map((c) => c.collection))).toEqual(collections);
  });

  it('has varied terms: a refused reference, a constrained one, and a training opt-out', () => {
    if (!result.ok) throw new Error('invalid');
    const all = [...result.registry.collections.map((c) => c.terms), ...result.registry.tunes.map((t) => t.terms)];
    const consents = new Set(all.map((t) => t.reference?.consent).filter(Boolean));
    expect(consents).toEqual(new Set(['allowed', 'not-allowed', 'constrained']));
    expect(all.some((t) => t.training?.consent === 'opted-out')).toBe(true);
    expect(new Set(all.map((t) => t.royalty?.kind).filter(Boolean))).toEqual(new Set(['none', 'per-use', 'share']));
  });
});
