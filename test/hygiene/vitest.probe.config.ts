/**
 * A run of the suite's own set-up around one probe (test/hygiene/run-folder.probe.ts), started by
 * e2e/test-hygiene.test.ts to see what a whole run leaves behind once it has ended.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/hygiene/*.probe.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['dot'],
  },
});
