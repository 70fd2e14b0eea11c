/**
 * The whole run's time limit (--timeout, NGINXAAS_KEYS_TIMEOUT) through the built binary, and the
 * status line that shows a terminal what the run waits on: a slow server ends the run in words,
 * a key being created is let finish, and a person's answer does not count against the limit.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';
import { WEB_ARGV } from '../helpers/sample';

const tempDir = useTempDir('limit-');
/** A request may wait far longer than the run: only the run's limit can end these. */
const PATIENT = { NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '120000' };

describe('the run has a time limit', () => {
  it('a trickling list ends at --timeout, naming the limit and what it waited on (exit 1)', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', trickle: true, times: -1 });
    const started = Date.now();
    const result = await runCli(['list', ...WEB_ARGV, '--timeout', '2s'], { env: { ...env, ...PATIENT } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: gave up: the run's time limit of 2 s passed (--timeout changes it), while reading the keys of 'web-01'.",
    );
    expect(result.stderr).not.toMatch(/Cancelled|at .*\.js:\d+/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('NGINXAAS_KEYS_TIMEOUT sets it where the flag is not given, and JSON output ends the same way', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', trickle: true, times: -1 });
    const result = await runCli(['list', ...WEB_ARGV, '-o', 'json'], {
      env: { ...env, ...PATIENT, NGINXAAS_KEYS_TIMEOUT: '2' },
    });
    expect(result.code).toBe(1);
    // A JSON run prints one document in every ending: here, the error.
    expect(JSON.parse(result.stdout)).toEqual({
      error: { kind: 'timeLimit', message: expect.stringContaining("the run's time limit of 2 s passed") },
    });
    expect(result.stderr).toContain("the run's time limit of 2 s passed");
  });

  it.each([
    [['--timeout', '0s'], "--timeout takes a time from 1s to 24h, such as 90s, 5m or 1h, not '0s'"],
    [['--timeout', '5 minutes'], "not '5 minutes'"],
    [['--timeout', '25h'], "not '25h'"],
  ])('%j is a usage error before any request', async (flags, words) => {
    const { env, emulator } = await cliWorld();
    const result = await runCli(['list', ...WEB_ARGV, ...flags], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a bad NGINXAAS_KEYS_TIMEOUT is named as the variable', async () => {
    const { env, emulator } = await cliWorld();
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, NGINXAAS_KEYS_TIMEOUT: 'soon' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "NGINXAAS_KEYS_TIMEOUT takes a time from 1s to 24h, such as 90s, 5m or 1h, not 'soon'",
    );
    expect(emulator.requests).toHaveLength(0);
  });

  it('the wizard has no limit: --timeout is not one of its flags', async () => {
    const result = await runCli(['--timeout', '5m'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--timeout/);
  });

  it('a key being created when the limit passes is let finish: the key file is kept and the words say so', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    // The PUT is held far past the limit, and the limit leaves a cold start on a busy machine
    // seconds to reach the PUT (1 s did not: the limit passed while the key was still being read).
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/late', delayMs: 9_000 });
    const file = join(tempDir(), 'late.key');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'late', '--secret-out', file, '--timeout', '5s'], {
      env: { ...env, ...PATIENT },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "The run's time limit passed; finishing the request that creates key 'late' (for 30 s at the most)",
    );
    expect(result.stderr).toContain(`but only after Azure created key 'late'; it is in ${file}.`);
    expect(secretOf('late')).toBeDefined();
  });
});

describe('a terminal sees the wait', () => {
  it('after two seconds the status line says what is awaited, for how long, and when the run gives up', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', trickle: true, times: -1 });
    const run = runInPty(
      process.execPath,
      [BIN, 'list', ...WEB_ARGV, '--timeout', '6s'],
      { ...env, ...PATIENT },
      {
        cols: 100,
        rows: 12,
      },
    );
    await run.waitFor(/\d s waiting for Azure: reading the keys of 'web-01' \(the run gives up in \d s\)/);
    expect(await run.exit).toBe(1);
    const screen = run.screen();
    expect(screen).toContain("error: gave up: the run's time limit of 6 s passed");
    // The status line was taken away before the error was written: no row holds both.
    expect(screen).not.toMatch(/waiting for Azure/);
  });

  it('at 60 columns the status line is cut to the width, never wrapped', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', trickle: true, times: -1 });
    const run = runInPty(
      process.execPath,
      [BIN, 'list', ...WEB_ARGV, '--timeout', '5s'],
      { ...env, ...PATIENT },
      {
        cols: 60,
        rows: 12,
      },
    );
    await run.waitFor(/waiting for Azure: reading the keys/);
    const row = run
      .screen()
      .split('\n')
      .find((line) => line.includes('waiting for Azure'));
    expect(row?.length).toBeLessThan(60);
    expect(row).toMatch(/…$/);
    expect(await run.exit).toBe(1);
  });

  it('the time a person takes to answer does not count: delete asked for 4 s under a 2 s limit still deletes', async () => {
    const { env, secretOf } = await cliWorld();
    const run = runInPty(process.execPath, [BIN, 'delete', ...WEB_ARGV, '--name', 'asg-sync', '--timeout', '2s'], env, {
      cols: 110,
      rows: 12,
    });
    await run.waitFor("Delete key 'asg-sync'");
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await run.type('y', '\r');
    expect(await run.exit).toBe(0);
    expect(run.screen()).toContain("Deleted key 'asg-sync'");
    expect(secretOf('asg-sync')).toBeUndefined();
  });
});
