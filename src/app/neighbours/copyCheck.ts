/**
 * The copy measurement for exports: the same score the panel shows, computed on demand (the catalogue and its
 * bar index load once and stay cached), and worded as the provenance's copy-flag line.
 */
import type { CopyScore } from '../../explain/copyDetect';
import { catalogueOptions, entryTitle, type CatalogueEntry } from '../catalogue/catalogueData';
import { queryClient } from '../queryClient';
import { copyMessage } from './copyMessage';
import { copyScoreOptions } from './neighbourData';

/** The provenance copy-flag text for a flagged score; undefined when not flagged. */
export function copyFlagText(score: CopyScore, entry: CatalogueEntry | undefined): string | undefined {
  if (!score.flagged) return undefined;
  const tune = entry ? { title: entryTitle(entry), collection: entry.credits.collection } : null;
  return `possible copy: ${copyMessage(score, tune)} (${Math.round(score.share * 100)}%, catalogue id ${score.tuneId})`;
}

/** The copy-flag line for a tune's export, or a line saying why the check could not run. */
export async function copyFlagFor(tokens: readonly string[]): Promise<string | undefined> {
  try {
    const [entries, score] = await Promise.all([
      queryClient.ensureQueryData(catalogueOptions),
      queryClient.ensureQueryData(copyScoreOptions(tokens)),
    ]);
    return copyFlagText(
      score,
      entries.find((e) => e.id === score.tuneId),
    );
  } catch (e) {
    return `not checked (the catalogue could not be indexed: ${e instanceof Error ? e.message : String(e)})`;
  }
}
