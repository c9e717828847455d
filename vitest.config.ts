import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'src/**/*.test.ts',
      'pipeline/**/*.test.ts',
      'cli/**/*.test.ts',
      'server/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['e2e/**', 'node_modules/**'],
    // The machine is shared with a training run, so allow slow property-based and child-process tests.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
