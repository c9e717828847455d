import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from './catalogue';

/**
 * Counts of catalogue tunes that the docs state, checked against the catalogue itself, so a rebuilt catalogue
 * cannot leave a stale figure behind. A figure the docs need should come from a command that writes it (as
 * cli/selfRetrieval.ts writes its section of docs/attribution.md); this test catches one written by hand.
 */
const entries = readCatalogue().entries;
const COUNTS = { all: entries.length, train: entries.filter((e) => e.split === 'train').length };

const CLAIMS: readonly (readonly [file: string, claim: RegExp, count: keyof typeof COUNTS])[] = [
  ['docs/attribution.md', /ranked among ([\d,]+) training tunes/g, 'train'],
  ['docs/attribution.md', /([\d,]+) tunes of the training split/g, 'train'],
  // Index files have one row per catalogue tune: "N × 192".
  ['docs/attribution.md', /([\d,]+) × [\d,]+/g, 'all'],
  ['README.md', /ranking ([\d,]+) training tunes/g, 'train'],
  ['README.md', /the ([\d,]+) public-domain tunes/g, 'all'],
];

describe('catalogue counts in the docs', () => {
  it.each(CLAIMS)('%s: %s is the %s count', (file, claim, count) => {
    const stated = [...readFileSync(file, 'utf8').matchAll(claim)].map((m) => Number(m[1].replace(/,/g, '')));
    expect(stated.filter((n) => n !== COUNTS[count])).toEqual([]);
  });
});
