import type { CopyScore } from '../../explain/copyDetect';

/** "N of M bars found in <title> (<collection>)", the sentence the copy flag shows. */
export function copyMessage(
  score: Pick<CopyScore, 'matchedBars' | 'comparableBars'>,
  tune: { readonly title: string; readonly collection: string } | null,
): string {
  const where = tune ? `${tune.title} (${tune.collection})` : 'any one catalogue tune';
  return `${score.matchedBars} of ${score.comparableBars} bars found in ${where}`;
}
