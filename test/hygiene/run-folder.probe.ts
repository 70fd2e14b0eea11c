/**
 * Run only by e2e/test-hygiene.test.ts, in a vitest run of its own: writes what a test writes
 * (a file in the run's folder, a child's file through TMPDIR) and says where the run's folder was.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';

it('writes into the run’s folder, itself and through a child', () => {
  const report = process.env.PROBE_REPORT;
  expect(report).toBeDefined();
  writeFileSync(join(mkdtempSync(join(tmpdir(), 'probe-')), 'key'), 'Probe-Secret-01');
  execFileSync('sh', ['-c', 'mktemp -d >/dev/null; mktemp >/dev/null'], { env: withEnv() });
  writeFileSync(report!, JSON.stringify({ run: process.env.TMPDIR }));
});
