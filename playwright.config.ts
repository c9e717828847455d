import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

const executablePath = CHROMIUM_PATH;
// Tone.js needs audio to start without a user gesture in a headless run.
const args = [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'];

// E2E_PORT lets two checkouts of the repo run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One worker: the machine has two cores and the model decodes on one of them.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    acceptDownloads: true,
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
    // page.route does not see requests a service worker makes; only e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
    launchOptions: { executablePath, args },
  },
  projects: [
    { name: 'wasm', testIgnore: '**/webgpu.spec.ts' },
    // Benchmarks only run when asked for: `npm run bench:browser`.
    ...(process.env.BENCH ? [{ name: 'bench', testMatch: '**/*.bench.ts', timeout: 600_000 }] : []),
    {
      // Headless Chromium offers WebGPU only with this flag, and then only SwiftShader's fallback adapter.
      name: 'webgpu',
      testMatch: '**/webgpu.spec.ts',
      use: { launchOptions: { executablePath, args: [...args, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    // The production build, served as `npm start` serves it.
    command: `npm run build && npx tsx server/serve.ts --port ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
