/**
 * First run, command side (issue 21): a run that cannot sign in says why in the words of how it
 * tried, prints the commands that sign it in, exits 4, and asks `az` once — through the built
 * binary, a fake `az` on PATH and the emulator.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { makeFakeAz, noAzPath } from '../helpers/fake-az';
import { closedPort } from '../helpers/ports';
import { BIN } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';

/** The world's environment without the emulator's token: the run signs in as it would on Azure. */
async function signedOutWorld() {
  const world = await cliWorld();
  return { ...world, env: { ...world.env, NGINXAAS_ACCESS_TOKEN: undefined } };
}

describe('a command that cannot sign in', () => {
  it('without az on PATH: says so, names the install, device code and the demo; exit 4', async () => {
    const { env, emulator } = await signedOutWorld();
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, PATH: noAzPath() } });
    expect(result.code).toBe(4);
    // Nothing on this PATH runs the program: the commands name it as it was started, and run as printed.
    expect(result.stderr.split('\n').slice(0, 5)).toEqual([
      'error: the Azure CLI (`az`) is not installed here, or not on PATH (AzureCliNotFound)',
      'To sign in:',
      '  install the Azure CLI (https://aka.ms/installazurecli), then: az login',
      `  node ${BIN} list ${WEB_ARGV.join(' ')} --auth device-code   (no Azure CLI needed)`,
      `  node ${BIN} --demo   (the local emulator, no Azure account)`,
    ]);
    expect(emulator.requests.filter((r) => r.authorization !== 'none')).toHaveLength(0);
  });

  it('signed out: az is asked once, whatever the command needs; --tenant reaches the advice', async () => {
    const { env } = await signedOutWorld();
    const az = makeFakeAz({ token: 'x', loggedOut: true });
    const result = await runCli(['show', 'web-01', 'nlk-prod', '--tenant', 'contoso.onmicrosoft.com'], {
      env: { ...env, PATH: az.path },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('  az login --tenant contoso.onmicrosoft.com\n');
    expect(az.calls()).toHaveLength(1);
  });

  it('a sign-in that expired is said as such', async () => {
    const { env } = await signedOutWorld();
    const az = makeFakeAz({
      token: 'x',
      loggedOut:
        "ERROR: AADSTS700082: The refresh token has expired due to inactivity. Please run 'az login' to setup account.",
    });
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, PATH: az.path } });
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      4,
      "error: the Azure CLI's sign-in has expired (AzureCliSignInExpired)",
    ]);
  });

  it('signed in: az is asked once too — its token names the default subscription', async () => {
    const { env, emulator } = await signedOutWorld();
    const az = makeFakeAz({ token: emulator.token, subscription: PRODUCTION });
    const result = await runCli(['show', 'web-01', 'nlk-prod', '--auth', 'cli'], { env: { ...env, PATH: az.path } });
    expect(result.code, result.stderr).toBe(0);
    expect(az.calls()).toHaveLength(1);
  });

  it('--auth env names the variables that are missing, before any request', async () => {
    const { env, emulator } = await signedOutWorld();
    const result = await runCli(['list', ...WEB_ARGV, '--auth', 'env'], {
      env: { ...env, AZURE_TENANT_ID: 'contoso', AZURE_CLIENT_ID: undefined, AZURE_CLIENT_SECRET: undefined },
    });
    expect(result.code).toBe(4);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: --auth env needs AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE); not set here (EnvironmentIncomplete)',
    );
    expect(result.stderr).not.toContain('az login');
    expect(emulator.requests).toHaveLength(0);
  });

  it('a token Azure no longer takes (401) is exit 4 too', async () => {
    const { env } = await signedOutWorld();
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, NGINXAAS_ACCESS_TOKEN: 'stale-token' } });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('The access token is invalid. (InvalidAuthenticationToken)');
  });

  it('-o json: the error as a JSON object on stdout, with the ways to sign in', async () => {
    const { env } = await signedOutWorld();
    const az = makeFakeAz({ token: 'x', loggedOut: true });
    const result = await runCli(['list', ...WEB_ARGV, '-o', 'json'], { env: { ...env, PATH: az.path } });
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        kind: 'unauthenticated',
        code: 'AzureCliSignedOut',
        message: 'not signed in to the Azure CLI',
        waysToSignIn: expect.arrayContaining(['az login']),
      },
    });
  });

  it('--auth device-code signs in through the real @azure/identity against the emulated Microsoft Entra ID', async () => {
    const { env, emulator } = await signedOutWorld();
    const result = await runCli(['list', ...WEB_ARGV, '--auth', 'device-code'], {
      env: { ...env, NGINXAAS_AUTHORITY_HOST: emulator.url },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /open the page https:\/\/127\.0\.0\.1:\d+\/devicelogin and enter the code [0-9A-F]{9}/,
    );
    expect(result.stdout).toContain('nlk-prod');
    const signIn = emulator.requests
      .filter((r) => r.path.includes('/oauth2/v2.0/'))
      .map((r) => `${r.path} ${r.status}`);
    // The code, one poll while it waits for the person, then the token.
    expect(signIn).toEqual([
      '/organizations/oauth2/v2.0/devicecode 200',
      '/organizations/oauth2/v2.0/token 400',
      '/organizations/oauth2/v2.0/token 200',
    ]);
  });

  it('--auth device-code where Microsoft Entra ID cannot be reached: said so, with its host; exit 4', async () => {
    const { env } = await signedOutWorld();
    const port = await closedPort();
    const result = await runCli(['list', ...WEB_ARGV, '--auth', 'device-code'], {
      env: { ...env, NGINXAAS_AUTHORITY_HOST: `https://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(4);
    expect(result.stderr.split('\n')[0]).toBe(
      `error: this machine cannot reach Microsoft Entra ID (127.0.0.1:${port}) (EntraUnreachable)`,
    );
    // Not the flag already in use, nor a library's catalogue URL.
    expect(result.stderr).not.toContain('--auth device-code');
    expect(result.stderr).not.toContain('aka.ms/msal');
  });

  it('status through the binary: signed out is exit 4 with the ways in; signed in by device code, all well', async () => {
    const { env, emulator } = await signedOutWorld();
    const az = makeFakeAz({ token: 'x', loggedOut: true });
    const out = await runCli(['status'], { env: { ...env, PATH: az.path } });
    expect(out.code).toBe(4);
    expect(out.stderr).toContain('  az login\n');
    const inside = await runCli(['status', ...WEB_ARGV, '--auth', 'device-code'], {
      env: { ...env, NGINXAAS_AUTHORITY_HOST: emulator.url },
    });
    expect(inside.code, inside.stderr).toBe(0);
    expect(inside.stdout).toContain('✔ signed in with a device code');
    expect(inside.stdout).toMatch(/✔ web-01 .*: the dataplane API at https:\/\/\S+ answers/);
  });
});
