/**
 * First run in a real terminal (issue 21): a machine signed out of Azure reaches the deployment
 * list in the same run by each way the sign-in screen offers — az login handed the terminal, a
 * device code through the real @azure/identity against the emulated Microsoft Entra ID, the demo —
 * and Ctrl+C ends each wait.
 */
import { describe, expect, it } from 'vitest';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { makeFakeAz, noAzPath } from '../helpers/fake-az';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('first-run-');

async function signedOutWorld(path: string, options: Parameters<typeof useEmulator>[0] = {}) {
  const emulator = await useEmulator(options);
  const env = {
    ...envFor(emulator),
    NGINXAAS_ACCESS_TOKEN: undefined,
    NGINXAAS_AUTHORITY_HOST: emulator.url,
    XDG_STATE_HOME: tempDir(),
    PATH: path,
  };
  return { emulator, env };
}

describe('the sign-in screen, in a terminal', () => {
  it('az signed out: Enter runs az login in this terminal, and the deployment list follows in the same run', async () => {
    const { emulator, env } = await signedOutWorld(noAzPath());
    const az = makeFakeAz({ token: emulator.token, subscription: '', loggedOut: true });
    env.PATH = az.path;
    const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
    await run.waitFor('? Sign in to Azure');
    expect(run.screen()).toContain('✖ not signed in to the Azure CLI (AzureCliSignedOut)');
    expect(run.screen()).toContain('❯ Sign in with the Azure CLI (az login, in this terminal)');
    await run.type(KEY.enter);
    await run.waitFor('A web browser has been opened');
    await run.waitFor('? Choose a deployment');
    expect(az.calls().filter((c) => c === 'login')).toHaveLength(1);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('Ctrl+C while az login has the terminal ends the run with 130, not back in the wizard', async () => {
    const { emulator, env } = await signedOutWorld(noAzPath());
    const az = makeFakeAz({ token: emulator.token, loggedOut: true, loginSeconds: 30 });
    env.PATH = az.path;
    const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
    await run.waitFor('? Sign in to Azure');
    await run.type(KEY.enter);
    await run.waitFor('A web browser has been opened');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(run.text()).not.toContain('? Choose a deployment');
  });

  it('no az: a device code, its page and code on screen with a countdown; approved, the list follows', async () => {
    const { emulator, env } = await signedOutWorld(noAzPath(), { behaviour: { deviceCodePolls: 1000 } });
    const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
    await run.waitFor('✖ the Azure CLI (`az`) is not installed here, or not on PATH');
    expect(run.screen()).toContain('❯ Sign in with a device code (no Azure CLI needed)');
    await run.type(KEY.enter);
    await run.waitFor('? Sign in with a device code');
    await run.waitFor(/the code expires in 1[45]:\d\d/);
    const code = /^\s{4}([0-9A-F]{9})\s*$/m.exec(run.screen())?.[1];
    expect(code).toBeDefined();
    expect(run.screen()).toContain(`    ${emulator.url}/devicelogin`);
    // The person enters the code on the page (here: the emulator approves it at the next poll).
    emulator.behaviour.deviceCodePolls = 0;
    await run.waitFor('? Choose a deployment', 20_000);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('no az: the demo, in the same run; the header says so', async () => {
    const { env } = await signedOutWorld(noAzPath());
    const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
    await run.waitFor('? Sign in to Azure');
    await run.type(KEY.down, KEY.enter);
    await run.waitFor('? Choose a deployment');
    expect(run.screen()).toContain('demo on the local emulator, no Azure account used');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('Ctrl+C while a device code waits leaves with 130; Esc goes back to the ways first', async () => {
    const { env } = await signedOutWorld(noAzPath(), { behaviour: { deviceCodePolls: 1000 } });
    const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
    await run.waitFor('? Sign in to Azure');
    await run.type(KEY.enter);
    await run.waitFor('the code expires in');
    await run.type(KEY.esc);
    await run.waitFor('? Sign in to Azure');
    await run.type(KEY.enter);
    await run.waitFor('the code expires in');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('q on the screen leaves with 4 and says how to sign in', async () => {
    const { env } = await signedOutWorld(noAzPath());
    const run = runInPty(process.execPath, [BIN], env, { cols: 80, rows: 24 });
    await run.waitFor('? Sign in to Azure');
    await run.type('q');
    expect(await run.exit).toBe(4);
    // Nothing on this PATH runs the program: its commands name it as it was started.
    // Each command on lines of its own, as a shell reads them (a ` \\` continues a line).
    expect(run.text().replace(/ \\\n/g, ' ').replace(/\s+/g, ' ')).toContain(
      `Sign in with az login, or with a device code: node ${BIN} --auth device-code or try the demo: node ${BIN} --demo`,
    );
  });

  it('plain mode: the same screen as numbered lines; 2 is the demo, and the list follows', async () => {
    const { env } = await signedOutWorld(noAzPath());
    const run = runInPty(process.execPath, [BIN], { ...env, TERM: 'dumb' }, { cols: 120, rows: 40 });
    await run.waitFor('Ways to sign in:');
    expect(run.text()).toMatch(/1\. Sign in with a device code \(no Azure CLI needed\) \(Enter\)\s+2\. Try the demo/);
    await run.waitFor(/\? Sign in: a number/);
    await run.type('2', KEY.enter);
    await run.waitFor('? Deployment: a number, or words to filter by');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });
});
