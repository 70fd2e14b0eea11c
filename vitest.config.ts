import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The screens are measured as the bundle measures them (scripts/build.mjs).
  resolve: {
    alias: [
      { find: /^string-width$/, replacement: fileURLToPath(new URL('src/term/display-width.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the pty tests spawn real processes and are steadier without contention.
    maxWorkers: 2,
    reporters: ['default'],
    // A test whose expectations depend on today's date or time says so with this tag; CI runs the
    // tagged tests again at the trap moments (scripts/trap-days.mjs) under libfaketime.
    tags: [
      {
        name: 'clock',
        description: 'reads the clock: run again on the trap days (npm run test:trap-days)',
      },
    ],
    // No zone is pinned: the suite passes in the zone it is started in (CI runs the 'clock' tests
    // again at trap moments in several zones, under faketime). Frames written for one zone pin it
    // themselves (test/helpers/zone.ts).
  },
});
