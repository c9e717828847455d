import { Midi } from '@tonejs/midi';
import { describe, expect, test } from 'vitest';
import { INSTRUMENTS, INSTRUMENT_NAMES } from '../audio/instruments';
import { midiTextEvents, midiWithProvenance } from './midiExport';
import { provenanceLines } from './provenance';
import { FULL_PROVENANCE, PROVENANCE, REFERENCED_PROVENANCE, TUNE_SEQ } from './testFixtures';

describe.each([
  [96, 'fiddle'],
  [120, 'flute'],
  [72.5, 'piano'],
] as const)('MIDI round trip at %d bpm on %s', (tempoBpm, instrument) => {
  const bytes = midiWithProvenance(TUNE_SEQ, PROVENANCE, { tempoBpm, instrument, title: 'Test Jig' });
  const midi = new Midi(bytes);
  const ppq = midi.header.ppq;

  test('starts with an MThd header', () => {
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('MThd');
  });

  test('tempo, time signature and title', () => {
    expect(midi.header.tempos).toHaveLength(1);
    // The file stores whole microseconds per beat, so the tempo comes back within a rounding step.
    expect(midi.header.tempos[0].bpm).toBeCloseTo(tempoBpm, 3);
    expect(midi.header.timeSignatures[0].timeSignature).toEqual([6, 8]);
    expect(midi.header.name).toBe('Test Jig');
  });

  test('one track on the General MIDI program', () => {
    expect(midi.tracks).toHaveLength(1);
    expect(midi.tracks[0].instrument.number).toBe(INSTRUMENTS[instrument].gmProgram);
    expect(midi.tracks[0].name).toBe(INSTRUMENTS[instrument].label);
  });

  test('notes: pitch, beat position and length', () => {
    const got = midi.tracks[0].notes.map((n) => [n.midi, n.ticks / ppq, n.durationTicks / ppq]);
    expect(got).toEqual(TUNE_SEQ.notes.map((n) => [n.midi, n.startBeats, n.durationBeats]));
  });

  test('note times in seconds follow the tempo', () => {
    const last = midi.tracks[0].notes.at(-1)!;
    const seqLast = TUNE_SEQ.notes.at(-1)!;
    expect(last.time).toBeCloseTo((seqLast.startBeats * 60) / tempoBpm, 3);
  });

  test('provenance as text meta events', () => {
    expect(midiTextEvents(bytes)).toEqual(provenanceLines(PROVENANCE));
  });
});

test('text beyond Latin-1 survives (UTF-8 in the text events)', () => {
  const p = { ...FULL_PROVENANCE, prompt: 'reel for Zoë, 雨の日 🎻' };
  const bytes = midiWithProvenance(TUNE_SEQ, p, { tempoBpm: 100, instrument: 'harp', title: 'Ríl' });
  expect(midiTextEvents(bytes)).toEqual(provenanceLines(p));
  expect(midiTextEvents(bytes)).toContain('prompt: reel for Zoë, 雨の日 🎻');
});

test('the references go in as text events, one per line', () => {
  const bytes = midiWithProvenance(TUNE_SEQ, REFERENCED_PROVENANCE, { tempoBpm: 100, instrument: 'fiddle' });
  const texts = midiTextEvents(bytes);
  expect(texts).toEqual(provenanceLines(REFERENCED_PROVENANCE));
  expect(texts.filter((t) => /^reference-\d: /.test(t))).toHaveLength(3);
  expect(texts).toContain(
    'reference-2: catalogue airdsAirs-book1-0001, "The Ranting Highlandman.", bar 3; ' +
      "collection Aird's Selection of Scotch, English, Irish and Foreign Airs; no. 0001; source file airdsAirs/book1.abc",
  );
});

test.each([
  ['minimal', PROVENANCE],
  ['full', FULL_PROVENANCE],
])('no references (%s) writes the same bytes as before references existed', (_, p) => {
  const opts = { tempoBpm: 100, instrument: 'fiddle', title: 'Test Jig' } as const;
  expect(midiWithProvenance(TUNE_SEQ, { ...p, references: [] }, opts)).toEqual(midiWithProvenance(TUNE_SEQ, p, opts));
});

test('every instrument has a valid program', () => {
  for (const name of INSTRUMENT_NAMES) expect(INSTRUMENTS[name].gmProgram).toSatisfy((n: number) => n >= 0 && n < 128);
});
