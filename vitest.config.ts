import { defineConfig } from 'vitest/config';

/**
 * Three layers, one runner: `unit` in Node/happy-dom, `browser` drives Debian Chromium through playwright-core,
 * `bundlers` drives the packed SDK built into a sample app by Vite, webpack and esbuild in the same Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Packs the SDK, installs it into a sample app and builds it with Vite, webpack and esbuild:
          // after the browser tests, so that its builds do not slow their timing on a small machine.
          name: 'bundlers',
          include: ['test/bundlers/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
