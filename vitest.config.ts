import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The screens are measured as the bundle measures them (scripts/build.mjs).
  resolve: {
    alias: [{ find: /^string-width$/, replacement: fileURLToPath(new URL('src/display-width.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the pty tests spawn real processes and are steadier without contention.
    maxWorkers: 2,
    reporters: ['default'],
    // Screens show local times: one zone for every run, wherever it runs.
    env: { TZ: 'UTC' },
  },
});
