import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { INSTRUMENT_NAMES } from './instruments';
import { parseManifest, sampleUrls } from './manifest';

const SAMPLES = fileURLToPath(new URL('../../public/samples', import.meta.url));
const manifest = parseManifest(JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')));

describe('committed samples', () => {
  test('the manifest names exactly the instruments the app offers', () => {
    expect(Object.keys(manifest).sort()).toEqual([...INSTRUMENT_NAMES].sort());
  });

  test.each(INSTRUMENT_NAMES)('%s covers the melody range with gaps of at most 3 semitones', (name) => {
    const notes = sampleUrls(manifest, name, '/').map((s) => s.midi);
    expect(notes[0]).toBeLessThanOrEqual(50);
    expect(notes.at(-1)).toBeGreaterThanOrEqual(90);
    notes.slice(1).forEach((n, i) => expect(n - notes[i]).toBeLessThanOrEqual(3));
  });

  test('every file exists, is Ogg, and the set stays small', () => {
    let total = 0;
    for (const notes of Object.values(manifest)) {
      for (const file of Object.values(notes)) {
        const path = join(SAMPLES, file);
        expect(existsSync(path), file).toBe(true);
        expect(readFileSync(path).subarray(0, 4).toString('latin1')).toBe('OggS');
        total += statSync(path).size;
      }
    }
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });
});

describe('parseManifest', () => {
  test.each([
    ['not an object', []],
    ['null', null],
    ['instrument without notes', { fiddle: {} }],
    ['non-numeric note', { fiddle: { C4: 'fiddle/c4.ogg' } }],
    ['note above 127', { fiddle: { 128: 'fiddle/128.ogg' } }],
    ['empty file name', { fiddle: { 60: '' } }],
    ['file not a string', { fiddle: { 60: 60 } }],
  ])('rejects %s', (_, json) => expect(() => parseManifest(json)).toThrow());
});

describe('sampleUrls', () => {
  const small = { flute: { 72: 'flute/72.ogg', 60: 'flute/60.ogg' } };
  test.each([
    ['/samples/', '/samples/flute/60.ogg'],
    ['/apparatus/samples', '/apparatus/samples/flute/60.ogg'],
  ])('joins base %s', (base, first) => {
    expect(sampleUrls(small, 'flute', base)).toEqual([
      { midi: 60, url: first },
      { midi: 72, url: first.replace('60', '72') },
    ]);
  });

  test('names a missing instrument', () => expect(() => sampleUrls(small, 'banjo', '/')).toThrow(/banjo/));
});
