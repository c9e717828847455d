import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cspMeta } from './scripts/cspMeta';
import { ortAssets } from './scripts/ortAssets';
import { pwa } from './scripts/pwa';
import { CONTENT_SECURITY_POLICY } from './server/contentSecurityPolicy';

// Cross-origin isolation gives the worker SharedArrayBuffer, which multi-threaded WASM needs.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The "extern wasm" builds of onnxruntime-web load their .mjs/.wasm from ort.env.wasm.wasmPaths (served by
// ortAssets) instead of embedding them, so the bundle stays small and no wasm is emitted twice.
const ortDist = (file: string) =>
  fileURLToPath(new URL(`./node_modules/onnxruntime-web/dist/${file}`, import.meta.url));

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  plugins: [react(), ortAssets(), cspMeta(), pwa()],
  resolve: {
    alias: [
      { find: /^onnxruntime-web\/wasm$/, replacement: ortDist('ort.wasm.min.mjs') },
      { find: /^onnxruntime-web\/webgpu$/, replacement: ortDist('ort.webgpu.min.mjs') },
    ],
  },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  worker: { format: 'es' },
  server: { headers: isolation },
  // The dev server goes without the policy: its React refresh runs an inline script.
  preview: { headers: { ...isolation, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
