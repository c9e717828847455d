import { createHash } from 'node:crypto';
import type { Plugin, Rollup } from 'vite';

const SOURCE = 'src/offline/sw.ts';
const FILE = 'sw.js';
const PLACEHOLDER = '__APPARATUS_BUILD_ID__';

/** The app version and a hash of the build's file names, which Vite already makes from their contents. */
export function buildId(version: string, fileNames: readonly string[]): string {
  const hash = createHash('sha256')
    .update([...fileNames].sort().join('\n'))
    .digest('hex');
  return `${version}-${hash.slice(0, 12)}`;
}

/**
 * Bundles the service worker to dist/sw.js (a fixed name, so the registration finds it) and writes the build id
 * into it, which names its cache: each build gets a cache of its own and drops the earlier ones.
 */
export function serviceWorker(version: string): Plugin {
  return {
    name: 'apparatus-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: FILE });
    },
    generateBundle(_, bundle) {
      const sw = bundle[FILE] as Rollup.OutputChunk | undefined;
      if (!sw?.code.includes(PLACEHOLDER)) this.error(`${FILE} was not built from ${SOURCE} with its build id`);
      // A classic worker script cannot import; the worker's code must all be in its one file.
      if (sw.imports.length > 0) this.error(`${FILE} imports ${sw.imports.join(', ')}; it must stand alone`);
      const id = buildId(
        version,
        Object.keys(bundle).filter((f) => f !== FILE),
      );
      sw.code = sw.code.replaceAll(PLACEHOLDER, id);
    },
  };
}
