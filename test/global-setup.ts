/**
 * One temporary folder for the whole run, removed at its end: every test, and every process a
 * test starts (the binary, the emulator, fake az), makes its files under it through TMPDIR, so a
 * run leaves nothing behind in the machine's /tmp (some of those files hold keys).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'nginxaas-keys-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = run;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(run, { recursive: true, force: true });
  };
}
