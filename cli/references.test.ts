import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { abcWithReferences, referencesFrom, referencesProvenance } from './references';

const ENTRY = {
  id: 'oneills1850-2',
  titles: ['The Kesh', 'Kesh Jig'],
  tokens: ['M:6/8', 'K:Gmaj', 'G', 'A', 'B', '|', 'c', '2', 'd', '|', 'e', '3', '|]'],
  credits: {
    collection: "O'Neill's Music of Ireland (the 1850)",
    book: null,
    number: '2',
    composer: null,
    encoder: 'John Chambers',
    sourceFile: 'oneills1850/jigs.abc',
  },
} as unknown as CatalogueEntry;
const catalogue = () => ({ entries: [ENTRY] });

function abcFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'apparatus-ref-')), 'mine.abc');
  writeFileSync(file, 'X:1\nT:My Tune\nM:6/8\nL:1/8\nK:D\n|: d2e fed | cBA B3 :|\n');
  return file;
}

describe('reference provenance on the command line', () => {
  it.each<[string, () => string, RegExp]>([
    [
      'a catalogue tune, with its credits',
      () => `${ENTRY.id}:2-3`,
      /^reference-1: catalogue oneills1850-2, "The Kesh", bars 2-3; collection O'Neill's Music of Ireland \(the 1850\); no\. 2; encoder John Chambers; source file oneills1850\/jigs\.abc$/,
    ],
    [
      'user ABC, by the hash of its tokens and not its path',
      () => `${abcFile()}:2`,
      /^reference-1: user ABC \(sha256 of its tokens [0-9a-f]{64}\), "My Tune", bar 2$/,
    ],
  ])('%s', async (_, spec, line) => {
    const value = spec();
    const name = value.startsWith(ENTRY.id) ? 'reference' : 'reference-abc';
    const refs = referencesFrom([{ name, value }], catalogue);
    const abc = abcWithReferences('X:1\nM:6/8\nK:Gmaj\nGAB|\n', await referencesProvenance(refs, catalogue));
    const lines = abc.split('\n');
    expect(lines[0]).toBe('X:1');
    expect(lines[1]).toBe('% references: 1 excerpt read by the model beside the prompt (inference-time attribution)');
    expect(lines[2].slice(2)).toMatch(line);
    expect(lines.slice(3)).toEqual(['M:6/8', 'K:Gmaj', 'GAB|', '']);
    expect(abc).not.toContain('/tmp');
  });

  it('prints the ABC unchanged without references', async () => {
    const abc = 'X:1\nM:6/8\nK:Gmaj\nGAB|\n';
    expect(abcWithReferences(abc, await referencesProvenance([], catalogue))).toBe(abc);
  });
});
