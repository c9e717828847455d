/**
 * The meters a tune type is written in, for checking that a type word in the prompt gave a fitting meter.
 * Types with no fixed meter (air, lament, set dance) accept any. Reels, hornpipes, marches and barndances are
 * written in both 4/4 and 2/2 (C and C|), so both count. The printed collections the model learnt from also
 * write reels and hornpipes in 2/4 (public/corpus/catalogue.json: 207 of 651 reels, 205 of 379 hornpipes), so
 * 2/4 counts for them too; SESSION_METERS keeps today's session convention, reported beside it.
 */
export const TYPE_METERS = {
  jig: ['6/8'],
  'double jig': ['6/8'],
  'single jig': ['6/8'],
  'slip jig': ['9/8'],
  slide: ['12/8'],
  reel: ['4/4', '2/2', '2/4'],
  hornpipe: ['4/4', '2/2', '2/4'],
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

/** As TYPE_METERS, with reels and hornpipes in 4/4 or 2/2 only, as sessions write them today. */
export const SESSION_METERS: Record<TuneType, readonly string[] | null> = {
  ...TYPE_METERS,
  reel: ['4/4', '2/2'],
  hornpipe: ['4/4', '2/2'],
};

/** Whether a meter token's value ("6/8") fits the type; a type without fixed meters takes any meter. */
export function meterFitsType(
  type: TuneType,
  meter: string | null,
  table: Record<TuneType, readonly string[] | null> = TYPE_METERS,
): boolean {
  const meters = table[type];
  if (meters === null) return meter !== null;
  return meter !== null && meters.includes(meter);
}
