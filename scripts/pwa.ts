import { VitePWA } from 'vite-plugin-pwa';

/**
 * The offline install: a web app manifest, and a service worker (src/offline/sw.ts) into which Workbox's
 * injectManifest writes the list of every file the build holds (the app, the ORT wasm, the model, every
 * instrument, the catalogue and its indexes), each with a revision hash. The service worker precaches that whole
 * list when it installs, so one visit is enough to work offline. The app registers the worker itself
 * (src/app/offline.ts), so nothing inline is injected into index.html and the strict CSP holds.
 */
export function pwa() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    injectRegister: false,
    // The icon is in the build already, so the precache list holds it once.
    includeManifestIcons: false,
    manifest: {
      name: 'Apparatus',
      short_name: 'Apparatus',
      description: 'A browser workbench for a compact text-to-music model and the views that interpret it.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#fbfaf7',
      theme_color: '#1d4e89',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    injectManifest: {
      // Everything in the build; the service worker itself and the PWA manifest are fetched by the browser.
      globPatterns: ['**/*'],
      globIgnores: ['sw.js', 'manifest.webmanifest'],
      // The WebGPU build of ORT's wasm is the largest file (27 MB); the default 2 MB cap would drop it and the model.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      // A classic service worker script, all in one file.
      rollupFormat: 'iife',
    },
  });
}
