/**
 * The suite's own hygiene: a run works in a temporary folder of its own, and that folder — with
 * everything the tests and their children wrote in it — is gone once the run has ended (a run of
 * its own set-up around a probe, test/hygiene/, shows it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { ROOT } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('test-hygiene-');

describe('test hygiene', () => {
  it('the suite runs inside a temporary folder of its own', () => {
    expect(process.env.TMPDIR).toMatch(/nginxaas-keys-tests-/);
    writeFileSync(join(tempDir(), 'probe'), 'x');
  });

  it('a run’s folder, and all its tests and children wrote there, is removed at its end', async () => {
    const machineTmp = tempDir();
    const report = join(tempDir(), 'report.json');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/hygiene/vitest.probe.config.ts'],
        { cwd: ROOT, env: withEnv({ TMPDIR: machineTmp, PROBE_REPORT: report }), stdio: 'ignore' },
      );
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const { run } = JSON.parse(readFileSync(report, 'utf8')) as { run: string };
    expect(run.startsWith(join(machineTmp, 'nginxaas-keys-tests-'))).toBe(true);
    expect(existsSync(run)).toBe(false);
    // Nothing else either: the machine's temporary folder is as it was before the run.
    expect(readdirSync(machineTmp)).toEqual([]);
  }, 60_000);
});
