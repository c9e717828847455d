/**
 * The instruments with rendered samples in public/samples/ (see scripts/render-samples.sh, which keeps the
 * same names and programs). No Tone.js here: the MIDI export reads the programs too.
 */
export const INSTRUMENTS = {
  fiddle: { label: 'Fiddle', gmProgram: 40 },
  flute: { label: 'Flute', gmProgram: 73 },
  harp: { label: 'Harp', gmProgram: 46 },
  piano: { label: 'Piano', gmProgram: 0 },
} as const satisfies Record<string, { label: string; gmProgram: number }>;

export type InstrumentName = keyof typeof INSTRUMENTS;

export const INSTRUMENT_NAMES = Object.keys(INSTRUMENTS) as InstrumentName[];

export const isInstrumentName = (name: string): name is InstrumentName => Object.hasOwn(INSTRUMENTS, name);
