/** Runs the built binary as a script would: no terminal, captured stdout and stderr, exit code. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/server';
import { withEnv } from './child-env';
import { BIN } from './pty';

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
    /** Everything on stderr so far, each time more arrives (to act when the program says something). */
    onStderr?: (stderr: string) => void;
    /** A file descriptor for the child's stdout (/dev/full, say) instead of a pipe; stdout is then ''. */
    stdoutFd?: number;
    /** The folder it runs in: one of its own unless told, so that a default file lands there. */
    cwd?: string;
    /** A program the binary runs under (strace and its flags), given before node. */
    under?: string[];
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // A --demo world of its own for each run, unless the test shares one on purpose.
    const state = mkdtempSync(join(tmpdir(), 'demo-state-'));
    // A small environment of its own (helpers/child-env.ts), never the host's NGINXAAS_* or AZURE_*;
    // saved defaults of its own too: a run never reads the config of whoever runs the tests.
    const env = withEnv({
      NO_COLOR: '1',
      XDG_STATE_HOME: state,
      XDG_CONFIG_HOME: join(state, 'config'),
      ...options.env,
    });
    const [command, ...prefix] = [...(options.under ?? []), process.execPath, BIN, ...args];
    const child = spawn(command!, prefix, {
      cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'cwd-')),
      env,
      stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
    });
    options.onSpawn?.(child.pid ?? 0);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      options.onStderr?.(stderr);
    });
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
