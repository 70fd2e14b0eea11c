/** Runs the built binary as a script would: no terminal, captured stdout and stderr, exit code. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/server';
import { BIN, ROOT } from './pty';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  pid: number;
}

export function runCli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    input?: string;
    onSpawn?: (pid: number) => void;
    /** A file descriptor for the child's stdout (/dev/full, say) instead of a pipe; stdout is then ''. */
    stdoutFd?: number;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // A --demo world of its own for each run, unless the test shares one on purpose.
    const state = mkdtempSync(join(tmpdir(), 'demo-state-'));
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: '1',
      XDG_STATE_HOME: state,
      // Saved defaults of its own too: a run never reads the config of whoever runs the tests.
      XDG_CONFIG_HOME: join(state, 'config'),
      ...options.env,
    };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
    });
    options.onSpawn?.(child.pid ?? 0);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, pid: child.pid ?? 0 }));
    child.stdin?.end(options.input ?? '');
  });
}

/** The environment that points the binary at a running emulator, as `nginxaas-keys emulator` prints it. */
export function envFor(emulator: RunningEmulator): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, emulator.caPem);
  return { NGINXAAS_ARM_ENDPOINT: emulator.url, NGINXAAS_ARM_CA: caFile, NGINXAAS_ACCESS_TOKEN: emulator.token };
}

/** A running emulator (the sample world unless told) with the environment that points the binary at it, and its web-01. */
export async function cliWorld(options: import('../../src/emulator/server').EmulatorOptions = {}) {
  const { useEmulator, sampleWeb } = await import('./emulator');
  const emulator = await useEmulator(options);
  return { emulator, env: envFor(emulator), ...sampleWeb(emulator) };
}
