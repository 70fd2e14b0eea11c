/**
 * CI's closing line (.ci/run): every run summed — the typecheck and the lint as one check each,
 * the tests of today's run, of every trap-day run and of the run on another runtime (Node 24,
 * `npm run test:node24`, when checks.txt names it) (vitest's JSON reports in the folder given)
 * — in the plain form "N passed, N failed". A run that was expected but left no report counts as
 * a failure, so a crash before the report is never a quiet pass. Exits 1 when anything failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRAP_MOMENTS } from './trap-days.mjs';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/ci-summary.mjs <reports folder>');
  process.exit(2);
}
const checks = readFileSync(join(folder, 'checks.txt'), 'utf8').trim().split('\n').filter(Boolean);
const trapRuns = TRAP_MOMENTS.reduce((n, moment) => n + moment.zones.length, 0);
const expected = [
  ['tests today', 'today.json'],
  ...Array.from({ length: trapRuns }, (_, i) => [`trap day ${i + 1}`, `trap-${i + 1}.json`]),
];
/** The suite again on another runtime: expected whenever .ci/run ran it as a check of that name. */
const ANOTHER_RUNTIME = ['tests on node 24', 'node24.json'];
if (checks.some((line) => line.startsWith(`${ANOTHER_RUNTIME[0]} `))) expected.push(ANOTHER_RUNTIME);

let passed = 0;
let failed = 0;
const lines = [];
for (const line of checks.filter((c) => /^(typecheck|lint) /.test(c))) {
  if (line.endsWith(' passed')) passed += 1;
  else failed += 1;
  lines.push(line);
}
for (const [name, file] of expected) {
  const path = join(folder, file);
  if (!existsSync(path)) {
    failed += 1;
    lines.push(`${name}: no report (the run did not finish), counted as 1 failed`);
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  // Files that failed to load hold no tests; each counts as a failure.
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && !r.assertionResults?.length);
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles.length;
  lines.push(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles.length} failed`);
}
for (const line of lines) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
