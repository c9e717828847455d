/**
 * The meters a tune type is written in, for checking that a type word in the prompt gave a fitting meter.
 * Types with no fixed meter (air, lament, set dance) accept any. Reels, hornpipes, marches and barndances are
 * written in both 4/4 and 2/2 (C and C|), so both count.
 */
export const TYPE_METERS = {
  jig: ['6/8'],
  'double jig': ['6/8'],
  'single jig': ['6/8'],
  'slip jig': ['9/8'],
  slide: ['12/8'],
  reel: ['4/4', '2/2'],
  hornpipe: ['4/4', '2/2'],
  barndance: ['4/4', '2/2'],
  strathspey: ['4/4'],
  schottische: ['4/4', '2/4'],
  polka: ['2/4'],
  march: ['2/4', '6/8', '4/4', '2/2'],
  waltz: ['3/4'],
  mazurka: ['3/4'],
  minuet: ['3/4'],
  air: null,
  lament: null,
  'set dance': null,
} as const satisfies Record<string, readonly string[] | null>;

export type TuneType = keyof typeof TYPE_METERS;
export const TUNE_TYPES = Object.keys(TYPE_METERS) as TuneType[];

/** Whether a meter token's value ("6/8") fits the type; a type without fixed meters takes any meter. */
export function meterFitsType(type: TuneType, meter: string | null): boolean {
  const meters: readonly string[] | null = TYPE_METERS[type];
  if (meters === null) return meter !== null;
  return meter !== null && meters.includes(meter);
}
