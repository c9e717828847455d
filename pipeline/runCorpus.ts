/**
 * npm run corpus: reads data/abc, writes the catalogue (public/corpus/), the vocabulary (public/models/vocab.json)
 * and the training arrays (training/data/), and prints what was kept and dropped. Training tunes whose terms in
 * the rights registry (--registry <file>, default public/rights/registry.json; --registry none for no registry)
 * opt them out of training are withheld from the training split.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitTunes } from '../src/music/abcParse';
import { buildCorpus, type SourceFile } from './buildCorpus';
import { COLLECTIONS } from './credits';
import { trainingOptOuts } from './trainingConsent';
import { buildArrays, buildVocab, WITHHELD_CODE } from './writeArrays';

const root = process.cwd();
const args = process.argv.slice(2);
const input =
  args[args.indexOf('--input') + 1] && args.includes('--input')
    ? args[args.indexOf('--input') + 1]
    : join(root, 'data/abc');
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : root;
const registryArg = args.includes('--registry') ? args[args.indexOf('--registry') + 1] : undefined;
const registryPath = registryArg ?? join(root, 'public/rights/registry.json');

const sources: SourceFile[] = [];
for (const collection of COLLECTIONS) {
  let files: string[];
  try {
    files = readdirSync(join(input, collection.folder))
      .filter((f) => f.endsWith('.abc'))
      .sort();
  } catch {
    continue;
  }
  for (const file of files) {
    sources.push({ collection, file, records: splitTunes(readFileSync(join(input, collection.folder, file), 'utf8')) });
  }
}

const { entries, report, variants } = buildCorpus(sources);
const vocab = buildVocab(entries, variants);
let withheld: ReadonlySet<number> = new Set();
if (registryArg !== 'none') {
  if (!existsSync(registryPath)) {
    console.error(
      `no rights registry at ${registryPath}; give --registry <file>, or --registry none to build without one`,
    );
    process.exit(2);
  }
  const consent = trainingOptOuts(entries, readFileSync(registryPath, 'utf8'));
  if (!consent.ok) {
    console.error(
      `the rights registry ${registryPath} does not check against this corpus:\n  ${consent.errors.join('\n  ')}`,
    );
    process.exit(2);
  }
  withheld = consent.withheld;
}
const arrays = buildArrays(entries, vocab, variants, withheld);

for (const dir of ['public/corpus', 'public/models', 'training/data']) mkdirSync(join(out, dir), { recursive: true });
writeFileSync(join(out, 'public/corpus/catalogue.json'), JSON.stringify({ version: 1, report, entries }));
writeFileSync(join(out, 'public/models/vocab.json'), JSON.stringify(vocab, null, 1) + '\n');
const files: Record<string, ArrayBufferView> = {
  'music.i16': arrays.music,
  'music_beats.u8': arrays.beats,
  'music_offsets.i32': arrays.musicOffsets,
  'captions.i16': arrays.captions,
  'caption_offsets.i32': arrays.captionOffsets,
  'caption_tune.i32': arrays.captionTune,
  'split.u8': arrays.split,
  'source.i32': arrays.source,
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(join(out, 'training/data', name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}
writeFileSync(
  join(out, 'training/data/meta.json'),
  JSON.stringify(
    {
      tunes: entries.length,
      rows: arrays.split.length,
      variants: arrays.split.length - entries.length,
      musicVocab: vocab.music.length,
      textVocab: vocab.text.length,
      report,
      splitCodes: { train: 0, valid: 1, test: 2, withheld: WITHHELD_CODE },
      withheldFromTraining: [...withheld].map((i) => entries[i].id),
      files: Object.keys(files),
    },
    null,
    1,
  ) + '\n',
);

const lines = [
  `read ${report.read} tunes, kept ${report.kept}, dropped ${report.read - report.kept}`,
  ...Object.entries(report.dropped)
    .sort((a, b) => b[1]! - a[1]!)
    .map(([r, n]) => `  dropped ${String(n).padStart(4)}  ${r}`),
  `split: train ${report.splits.train}, valid ${report.splits.valid}, test ${report.splits.test}`,
  registryArg === 'none'
    ? 'training consent: no registry given, every training tune is used'
    : `training consent: ${withheld.size} training tune${withheld.size === 1 ? '' : 's'} opted out by the rights registry, withheld from training${withheld.size ? ` (${[...withheld].map((i) => entries[i].id).join(', ')})` : ''}`,
  `transposed copies for training: ${arrays.split.length - entries.length} (${arrays.skippedVariants} left out: a token outside the vocabulary)`,
  `vocabulary: ${vocab.music.length} music tokens, ${vocab.text.length} words; ${arrays.music.length} music tokens in all`,
];
console.log(lines.join('\n'));
