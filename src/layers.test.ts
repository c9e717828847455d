import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The shipped TypeScript under a folder (tests run in Node and may load the model through cli/). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (path: string): string[] =>
  [...readFileSync(path, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);

describe('layers', () => {
  // The app, the workers and the pure modules run in the browser: they read nothing from the Node-side folders.
  it.each(['pipeline', 'cli', 'training', 'bench', 'server', 'e2e', 'scripts'])(
    'src/ imports nothing from %s/',
    (folder) => {
      const crossing = sources('src').flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('.') && relative('.', join(file, '..', spec)).startsWith(`${folder}/`))
          .map((spec) => `${file}: ${spec}`),
      );
      expect(crossing).toEqual([]);
    },
  );

  // Two panels share pieces through src/app/shared/, not by reaching into each other's folder.
  it.each([
    ['src/app/neighbours', 'src/app/views'],
    ['src/app/views', 'src/app/neighbours'],
  ])('%s imports nothing from %s', (from, to) => {
    const crossing = sources(from).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && join(file, '..', spec).startsWith(`${to}/`))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(crossing).toEqual([]);
  });

  // zod's eval probe breaks the CSP unless it is configured first; src/schema/zod.ts does that for every bundle.
  it('src/ reads zod only through src/schema/zod.ts', () => {
    const direct = sources('src').filter((file) => file !== 'src/schema/zod.ts' && importsOf(file).includes('zod'));
    expect(direct).toEqual([]);
  });
});
