import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Vite 8 compiles with oxc (the esbuild option is ignored there); views use hono/jsx.
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // The crash and fuzz tests start built server processes: built once per run.
          globalSetup: ['tests/support/build-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium against the app in a child process; run through tests/e2e/run.mjs.
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          // The app runs as `npm start` runs it: built (once per run), then `node server/dist/main.js`.
          globalSetup: ['tests/support/build-server.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Two cores: one browser and one server at a time, or tests starve each other.
          fileParallelism: false,
        },
      },
    ],
  },
})
