/**
 * npm run catalogue:map [-- --dir public/corpus]
 * Reads the neighbour index's music embeddings (neighbours.json + neighbours-music.bin, written by
 * `npm run catalogue:index`), checks the file against the header and the catalogue, projects the rows onto
 * their first two principal components and writes embedding-map.json beside them (compact, deterministic).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEmbeddingMap } from '../src/explain/embeddingMap';
import { indexProblems, type NeighbourIndexHeader } from '../src/explain/neighboursIndex';
import { decodeInt8Rows } from '../src/explain/vectors';

const REBUILD = 'rebuild the index with: npm run catalogue:index';

function read(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read ${what} ${path} (${(e as Error).message.split('\n')[0]}); ${REBUILD}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args[0] === '--dir' && args[1] ? args[1] : join(process.cwd(), 'public/corpus');
  if (args.length && !(args[0] === '--dir' && args.length === 2))
    throw new Error('usage: tsx pipeline/embeddingMap.ts [--dir DIR]');

  const header = JSON.parse(
    read(join(dir, 'neighbours.json'), 'the neighbour index header').toString('utf8'),
  ) as NeighbourIndexHeader;
  const info = header.sets.music;
  const bytes = read(join(dir, info.file), 'the music embeddings');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.byteLength !== info.bytes || sha256 !== info.sha256) {
    throw new Error(
      `${info.file} does not match neighbours.json (${bytes.byteLength} bytes, SHA-256 ${sha256.slice(0, 12)}; ` +
        `expected ${info.bytes} bytes, ${info.sha256.slice(0, 12)}); ${REBUILD}`,
    );
  }
  if (!info.centre || info.centre.length !== info.dim)
    throw new Error(`neighbours.json has no music centre of ${info.dim} numbers; ${REBUILD}`);
  const catalogue = JSON.parse(read(join(dir, 'catalogue.json'), 'the catalogue').toString('utf8')) as {
    entries: { id: string }[];
  };
  const problems = indexProblems(
    header,
    catalogue.entries.map((e) => e.id),
  );
  if (problems.length) throw new Error(problems.join('\n'));

  const started = performance.now();
  const rows = decodeInt8Rows(new Uint8Array(bytes), header.count, info.dim);
  const map = buildEmbeddingMap({
    rows,
    count: header.count,
    dim: info.dim,
    centre: info.centre,
    idsFnv1a: header.idsFnv1a,
    file: info.file,
    sha256,
  });
  const out = join(dir, 'embedding-map.json');
  writeFileSync(out, JSON.stringify(map));
  const pct = map.explainedVariance.map((v) => `${(v * 100).toFixed(1)}%`);
  console.log(
    `embedding map: ${map.count} tunes, PC1 ${pct[0]} + PC2 ${pct[1]} of the music embeddings' variance ` +
      `(power iterations ${map.iterations.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s) -> ${out}`,
  );
}

try {
  main();
} catch (e) {
  console.error(`catalogue:map: ${(e as Error).message}`);
  process.exit(1);
}
