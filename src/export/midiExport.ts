import { Midi } from '@tonejs/midi';
import { INSTRUMENTS, type InstrumentName } from '../audio/instruments';
import type { NoteSequence } from '../music/noteSequence';
import { provenanceLines, type Provenance } from './provenance';

export interface MidiExportOptions {
  readonly tempoBpm: number;
  readonly instrument: InstrumentName;
  readonly title?: string;
}

const VELOCITY = 0.8;

/**
 * @tonejs/midi writes each UTF-16 unit of a text event as one byte, which garbles anything past Latin-1.
 * Text goes in as UTF-8 held one byte per char, and comes back out through fromMidiText.
 */
const toMidiText = (text: string): string => String.fromCharCode(...new TextEncoder().encode(text));
const fromMidiText = (text: string): string => new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));

/**
 * A format-1 MIDI file: tempo, time signature and one text meta event per provenance line in the first track,
 * the melody in a second track on the instrument's General MIDI program. (No key signature: @tonejs/midi
 * 2.0.28 writes its byte off by seven.)
 */
export function midiWithProvenance(seq: NoteSequence, p: Provenance, opts: MidiExportOptions): Uint8Array {
  const midi = new Midi();
  const ppq = midi.header.ppq;
  midi.header.name = toMidiText(opts.title ?? 'Untitled');
  midi.header.setTempo(opts.tempoBpm);
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: [seq.meter.num, seq.meter.den] });
  for (const line of provenanceLines(p)) midi.header.meta.push({ type: 'text', text: toMidiText(line), ticks: 0 });
  midi.header.update();

  const track = midi.addTrack();
  track.name = INSTRUMENTS[opts.instrument].label;
  track.instrument.number = INSTRUMENTS[opts.instrument].gmProgram;
  for (const note of seq.notes) {
    const ticks = Math.round(note.startBeats * ppq);
    const end = Math.round((note.startBeats + note.durationBeats) * ppq);
    track.addNote({ midi: note.midi, ticks, durationTicks: end - ticks, velocity: VELOCITY });
  }
  return midi.toArray();
}

/** The text meta events of a MIDI file's first track, decoded; for provenance written by midiWithProvenance. */
export function midiTextEvents(bytes: Uint8Array): string[] {
  return new Midi(bytes).header.meta.filter((m) => m.type === 'text').map((m) => fromMidiText(m.text));
}
