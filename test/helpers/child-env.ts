/**
 * The environment every process a test starts begins from: what a program needs to run on this
 * machine, and nothing of the host's configuration. No NGINXAAS_*, AZURE_*, proxy (HTTPS_PROXY,
 * NO_PROXY…), CI or vitest variable reaches a child, so a machine that has them set runs the
 * suite as a clean one does; a test adds what its child needs on top. HOME is a folder of the
 * child's own under the run's temporary folder, so nothing a child writes lands in the user's.
 * libfaketime's variables pass, so a child keeps the clock its test runs on (the trap days).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSED = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TMPDIR', 'TZ', 'USER', 'LOGNAME', 'LD_PRELOAD'];

export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && (PASSED.includes(name) || name.startsWith('FAKETIME'))) env[name] = value;
  }
  env.HOME = mkdtempSync(join(tmpdir(), 'home-'));
  return env;
}

/** `base` with `extra` on top; a name given as undefined in `extra` is left out. */
export function withEnv(
  extra: Record<string, string | undefined> = {},
  base: Record<string, string> = baseEnv(),
): Record<string, string> {
  const env: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
