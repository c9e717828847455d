import { createReadStream, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Serves and ships the onnxruntime-web runtime files the worker loads at run time: the plain WASM build
 * (`ort-wasm-simd-threaded.*`) and the WebGPU build (`.asyncify.*`). They come from node_modules, so nothing
 * is copied into the repository; the worker finds them at `${BASE_URL}ort/` through `ort.env.wasm.wasmPaths`.
 */
export const ORT_FILES = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
] as const;

const dist = (file: string) => fileURLToPath(new URL(`../node_modules/onnxruntime-web/dist/${file}`, import.meta.url));
const mime = (file: string) => (file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');

export function ortAssets(): Plugin {
  return {
    name: 'apparatus-ort-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const file = ORT_FILES.find((f) => path.endsWith(`/ort/${f}`));
        if (!file) return next();
        res.setHeader('Content-Type', mime(file));
        res.setHeader('Content-Length', statSync(dist(file)).size);
        createReadStream(dist(file)).pipe(res);
      });
    },
    generateBundle() {
      for (const file of ORT_FILES) {
        this.emitFile({ type: 'asset', fileName: `ort/${file}`, source: readFileSync(dist(file)) });
      }
    },
  };
}
