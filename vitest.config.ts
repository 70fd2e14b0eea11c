import { defineConfig } from 'vitest/config';

export default defineConfig({
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
