import { AbcError, parseTune, type DropReason, type Header } from '../src/music/abcParse';
import { abcjsWarnings } from '../src/music/abcjsCheck';
import { badMeasures } from '../src/music/bars';
import { eventsToAbc } from '../src/music/canonical';
import { computeFeatures } from '../src/music/features';
import { toNoteSequence } from '../src/music/noteSequence';
import { hashString } from '../src/runtime/prng';
import { tuneTokens } from '../src/tokenizer/musicTokens';
import { captionsFor, keyWords, tuneType, type CaptionInput } from './captions';
import { featureScale } from './featureScale';
import { transposedVariants, type TrainingVariant } from './augment';
import { creditsOf, type CollectionInfo } from './credits';
import type { CatalogueEntry, Split } from '../src/catalogue/catalogueEntry';

/** Longest tune the model trains on, in music tokens (without <s> and </s>). */
export const MAX_TUNE_TOKENS = 510;

export interface SourceFile {
  readonly collection: CollectionInfo;
  readonly file: string;
  readonly records: readonly string[];
}

export type CorpusDropReason = DropReason | 'abcjs warnings' | 'duplicate' | 'no title';

export interface CorpusReport {
  read: number;
  kept: number;
  dropped: Partial<Record<CorpusDropReason, number>>;
  splits: Record<Split, number>;
}

export interface CorpusResult {
  readonly entries: CatalogueEntry[];
  readonly report: CorpusReport;
  /** Transposed copies of the training tunes, for the trainer only (never in the catalogue). */
  readonly variants: TrainingVariant[];
}

/** Split by a hash of the tune id, so a tune's split never depends on which other tunes were kept. */
export function splitOf(id: string): Split {
  const h = hashString(`split:${id}`) % 100;
  return h < 90 ? 'train' : h < 95 ? 'valid' : 'test';
}

function titlesOf(header: Header): string[] {
  return (header.T ?? []).map((t) => t.replace(/^"|"$/g, '').trim()).filter(Boolean);
}

/** Cleans, validates, dedupes and captions every record. Pure: the same input always gives the same output. */
export function buildCorpus(sources: readonly SourceFile[]): CorpusResult {
  const report: CorpusReport = { read: 0, kept: 0, dropped: {}, splits: { train: 0, valid: 0, test: 0 } };
  const drop = (reason: CorpusDropReason) => (report.dropped[reason] = (report.dropped[reason] ?? 0) + 1);
  const kept: { id: string; entry: Omit<CatalogueEntry, 'captions'>; caption: Omit<CaptionInput, 'scale'> }[] = [];
  const seenIds = new Set<string>();
  const seenMusic = new Set<string>();
  for (const source of sources) {
    for (const record of source.records) {
      report.read++;
      let parsed;
      try {
        parsed = parseTune(record);
        if (badMeasures(parsed.meter, parsed.events).length)
          throw new AbcError('bar lengths', 'bars do not fit the meter');
      } catch (e) {
        if (!(e instanceof AbcError)) throw e;
        drop(e.reason);
        continue;
      }
      const { header, meter, key, events } = parsed;
      const credits = creditsOf(source.collection, source.file, header);
      const number = credits.number.replace(/\s+/g, '');
      // O'Neill's files overlap: the X: number identifies a tune within a collection.
      const id = `${source.collection.folder}-${source.collection.folder === 'ryansMammoth' ? source.file.replace(/\.abc$/, '') : `${source.file.replace(/\.abc$/, '')}-${number}`}`;
      const dedupeId = source.collection.folder === 'oneills1850' ? `oneills1850-${Number(number)}` : id;
      const titles = titlesOf(header);
      if (!titles.length) {
        drop('no title');
        continue;
      }
      const tokens = tuneTokens(parsed);
      if (tokens.length > MAX_TUNE_TOKENS) {
        drop('too long');
        continue;
      }
      const musicKey = tokens.join(' ');
      if (seenIds.has(dedupeId) || seenMusic.has(musicKey)) {
        drop('duplicate');
        continue;
      }
      const abc = eventsToAbc(meter, key, events, { x: 1, title: titles[0] });
      if (abcjsWarnings(abc).length) {
        drop('abcjs warnings');
        continue;
      }
      seenIds.add(dedupeId);
      seenMusic.add(musicKey);
      const features = computeFeatures(toNoteSequence(meter, key, events));
      const split = splitOf(dedupeId);
      report.splits[split]++;
      report.kept++;
      kept.push({
        id,
        entry: {
          id: dedupeId === id ? id : dedupeId,
          titles,
          abc,
          credits,
          meter: `${meter.num}/${meter.den}`,
          key: `${key.tonic}${key.mode}`,
          keyWords: keyWords(key),
          type: tuneType(header),
          features,
          split,
          tokens,
        },
        caption: { id, header, meter, key, features, collection: source.collection, composer: credits.composer },
      });
    }
  }
  if (!kept.length) return { entries: [], report, variants: [] };
  // Captions come second: their feature words are cut where the kept tunes themselves fall (featureScale.ts).
  const scale = featureScale(kept.map((k) => k.caption));
  const entries: CatalogueEntry[] = [];
  const variants: TrainingVariant[] = [];
  for (const { id, entry, caption } of kept) {
    const scaled = { ...caption, scale };
    if (entry.split === 'train')
      variants.push(...transposedVariants(entries.length, entry.tokens, scaled, hashString(`aug:${id}`)));
    entries.push({ ...entry, captions: captionsFor(scaled, hashString(id)) });
  }
  return { entries, report, variants };
}
