/**
 * `az login`, run from the wizard's sign-in screen in this terminal (issue 31): Ctrl+C, SIGTERM
 * and SIGHUP reach az, and a second Ctrl+C ends the wizard with 130 whatever az does — an az that
 * hangs does not hold the wizard. The real binary in a pty, a fake az that writes down each signal.
 */
import { describe, expect, it } from 'vitest';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { makeFakeAz, type FakeAz } from '../helpers/fake-az';
import { BIN, KEY, runInPty, type PtyRun } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';
import { waitUntil } from '../helpers/wait';

const tempDir = useTempDir('az-signals-');

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The exit code, or 'still running' when the run has not ended within the time. */
function exitWithin(run: PtyRun, ms: number): Promise<number | 'still running'> {
  return Promise.race([
    run.exit,
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms)),
  ]);
}

/** The wizard on a signed-out machine, with az login running in its terminal. */
async function duringAzLogin(onLoginSignal: 'exit' | 'ignore'): Promise<{ run: PtyRun; az: FakeAz }> {
  const emulator = await useEmulator();
  const az = makeFakeAz({ token: emulator.token, loggedOut: true, loginSeconds: 60, onLoginSignal });
  const env = {
    ...envFor(emulator),
    NGINXAAS_ACCESS_TOKEN: undefined,
    NGINXAAS_AUTHORITY_HOST: emulator.url,
    XDG_STATE_HOME: tempDir(),
    PATH: az.path,
  };
  const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
  await run.waitFor('? Sign in to Azure');
  await run.type(KEY.enter);
  await run.waitFor('A web browser has been opened');
  await waitUntil(() => alive(az.loginPid()), 10_000, 'az login to start');
  return { run, az };
}

describe('signals while az login has the terminal', () => {
  it('Ctrl+C reaches az, and the run ends with 130 when az stops', async () => {
    const { run, az } = await duringAzLogin('exit');
    run.pty.write(KEY.ctrlC);
    expect(await exitWithin(run, 10_000)).toBe(130);
    expect(az.signals()).toContain('INT');
    expect(alive(az.loginPid())).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s sent to the wizard is passed to az; the run ends when az stops',
    async (signal) => {
      const { run, az } = await duringAzLogin('exit');
      process.kill(run.pty.pid, signal);
      expect(await exitWithin(run, 10_000)).toBe(130);
      expect(az.signals()).toEqual([signal.slice(3)]);
      expect(alive(az.loginPid())).toBe(false);
    },
  );

  it('an az that ignores Ctrl+C: the second Ctrl+C ends the wizard with 130, and az with it', async () => {
    const { run, az } = await duringAzLogin('ignore');
    run.pty.write(KEY.ctrlC);
    await waitUntil(() => az.signals().includes('INT'), 10_000, 'az to get the first Ctrl+C');
    expect(await exitWithin(run, 1_000)).toBe('still running');
    run.pty.write(KEY.ctrlC);
    expect(await exitWithin(run, 10_000)).toBe(130);
    await waitUntil(() => !alive(az.loginPid()), 10_000, 'az to be gone');
    expect(run.text()).not.toContain('? Choose a deployment');
  });
});
